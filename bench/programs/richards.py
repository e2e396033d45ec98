"""Richards (untyped): Martin Richards' operating-system simulation. An idle task, a worker,
two packet handlers and two devices pass packets through a priority scheduler. Prints the
hold and queue counts of each run so that results can be checked (9297 and 23246 for the
classic idle count of 10000)."""

import sys

IDLE = 0
WORKER = 1
HANDLER_A = 2
HANDLER_B = 3
DEVICE_A = 4
DEVICE_B = 5
TASK_COUNT = 6

DEVICE_PACKET = 0
WORK_PACKET = 1
BUFFER_SIZE = 4
IDLE_COUNT = 10000


class Packet:
    def __init__(self, link, owner, kind):
        self.link = link
        self.owner = owner
        self.kind = kind
        self.datum = 0
        self.data = [0] * BUFFER_SIZE

    def append_to(self, queue):
        """Puts this packet at the end of `queue`; returns the new head."""
        self.link = None
        if queue is None:
            return self
        tail = queue
        while tail.link is not None:
            tail = tail.link
        tail.link = self
        return queue


class System:
    """The scheduler's shared state: the task table, the run list and the counters."""

    def __init__(self):
        self.tasks = [None] * TASK_COUNT
        self.head = None
        self.hold_count = 0
        self.queue_count = 0

    def find(self, ident):
        task = self.tasks[ident]
        if task is None:
            raise ValueError(f"no task {ident}")
        return task

    def schedule(self):
        task = self.head
        while task is not None:
            if task.blocked():
                task = task.next
            else:
                task = task.run()


class Task:
    def __init__(self, system, ident, priority, queue, pending, waiting, holding):
        self.system = system
        self.next = system.head
        self.ident = ident
        self.priority = priority
        self.queue = queue
        self.pending = pending
        self.waiting = waiting
        self.holding = holding
        system.head = self
        system.tasks[ident] = self

    def blocked(self):
        return self.holding or (not self.pending and self.waiting)

    def run(self):
        if self.pending and self.waiting and not self.holding:
            packet = self.queue
            self.queue = packet.link
            self.pending = self.queue is not None
            self.waiting = False
            self.holding = False
        else:
            packet = None
        return self.step(packet)

    def step(self, packet):
        raise NotImplementedError

    def wait(self):
        self.waiting = True
        return self

    def hold(self):
        self.system.hold_count += 1
        self.holding = True
        return self.next

    def release(self, ident):
        task = self.system.find(ident)
        task.holding = False
        if task.priority > self.priority:
            return task
        return self

    def send(self, packet):
        """Queues `packet` on the task it names, and stamps it with this task as its sender."""
        target = self.system.find(packet.owner)
        self.system.queue_count += 1
        packet.link = None
        packet.owner = self.ident
        if target.queue is None:
            target.queue = packet
            target.pending = True
            if target.priority > self.priority:
                return target
        else:
            target.queue = packet.append_to(target.queue)
        return self


class IdleTask(Task):
    def __init__(self, system, count):
        super().__init__(system, IDLE, 1, None, False, False, False)
        self.control = 1
        self.count = count

    def step(self, packet):
        self.count -= 1
        if self.count == 0:
            return self.hold()
        if self.control & 1 == 0:
            self.control = self.control >> 1
            return self.release(DEVICE_A)
        self.control = (self.control >> 1) ^ 0xD008
        return self.release(DEVICE_B)


class WorkerTask(Task):
    def __init__(self, system, queue):
        super().__init__(system, WORKER, 1000, queue, True, True, False)
        self.destination = HANDLER_A
        self.count = 0

    def step(self, packet):
        if packet is None:
            return self.wait()
        self.destination = HANDLER_B if self.destination == HANDLER_A else HANDLER_A
        packet.owner = self.destination
        packet.datum = 0
        for i in range(BUFFER_SIZE):
            self.count += 1
            if self.count > 26:
                self.count = 1
            packet.data[i] = 64 + self.count
        return self.send(packet)


class HandlerTask(Task):
    def __init__(self, system, ident, priority, queue):
        super().__init__(system, ident, priority, queue, True, True, False)
        self.work = None
        self.devices = None

    def step(self, packet):
        if packet is not None:
            if packet.kind == WORK_PACKET:
                self.work = packet.append_to(self.work)
            else:
                self.devices = packet.append_to(self.devices)
        work = self.work
        if work is None:
            return self.wait()
        index = work.datum
        if index >= BUFFER_SIZE:
            self.work = work.link
            return self.send(work)
        device = self.devices
        if device is None:
            return self.wait()
        self.devices = device.link
        device.datum = work.data[index]
        work.datum = index + 1
        return self.send(device)


class DeviceTask(Task):
    def __init__(self, system, ident, priority):
        super().__init__(system, ident, priority, None, False, True, False)
        self.held = None

    def step(self, packet):
        if packet is None:
            held = self.held
            if held is None:
                return self.wait()
            self.held = None
            return self.send(held)
        self.held = packet
        return self.hold()


def packet_chain(owner, kind, length):
    head = None
    for _ in range(length):
        head = Packet(head, owner, kind)
    return head


def run_once(idle_count):
    system = System()
    IdleTask(system, idle_count)
    WorkerTask(system, packet_chain(IDLE, WORK_PACKET, 2))
    HandlerTask(system, HANDLER_A, 2000, packet_chain(DEVICE_A, DEVICE_PACKET, 3))
    HandlerTask(system, HANDLER_B, 3000, packet_chain(DEVICE_B, DEVICE_PACKET, 3))
    DeviceTask(system, DEVICE_A, 4000)
    DeviceTask(system, DEVICE_B, 5000)
    system.schedule()
    return system.hold_count, system.queue_count


def main(iterations):
    total_hold = 0
    total_queue = 0
    for i in range(iterations):
        hold, queue = run_once(IDLE_COUNT + i)
        total_hold += hold
        total_queue += queue
        print(f"run {i}: hold {hold} queue {queue}")
    print(f"total: hold {total_hold} queue {total_queue}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 8)
