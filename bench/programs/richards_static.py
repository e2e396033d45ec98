"""Richards (Static Python): the same operating-system simulation as `richards.py`, with
slotted task and packet classes, `Final` task numbers, unboxed `int64` counters and `cbool`
state flags, and packet buffers in `Array[int64]`. Prints the same counts as `richards.py`."""

from __future__ import annotations

import __static__

import sys
from typing import Final, Optional

from __static__ import Array, CheckedList, box, cbool, int64

IDLE: Final[int] = 0
WORKER: Final[int] = 1
HANDLER_A: Final[int] = 2
HANDLER_B: Final[int] = 3
DEVICE_A: Final[int] = 4
DEVICE_B: Final[int] = 5
TASK_COUNT: Final[int] = 6

DEVICE_PACKET: Final[int] = 0
WORK_PACKET: Final[int] = 1
BUFFER_SIZE: Final[int] = 4
IDLE_COUNT: Final[int] = 10000


class Packet:
    def __init__(self, link: Optional[Packet], owner: int64, kind: int64) -> None:
        self.link: Optional[Packet] = link
        self.owner: int64 = owner
        self.kind: int64 = kind
        self.datum: int64 = 0
        self.data: Array[int64] = Array[int64](BUFFER_SIZE)

    def append_to(self, queue: Optional[Packet]) -> Packet:
        """Puts this packet at the end of `queue`; returns the new head."""
        self.link = None
        if queue is None:
            return self
        tail: Packet = queue
        next_packet = tail.link
        while next_packet is not None:
            tail = next_packet
            next_packet = tail.link
        tail.link = self
        return queue


class System:
    """The scheduler's shared state: the task table, the run list and the counters."""

    def __init__(self) -> None:
        self.tasks: CheckedList[Optional[Task]] = CheckedList[Optional[Task]]([None] * TASK_COUNT)
        self.head: Optional[Task] = None
        self.hold_count: int64 = 0
        self.queue_count: int64 = 0

    def find(self, ident: int64) -> Task:
        task = self.tasks[ident]
        if task is None:
            raise ValueError(f"no task {box(ident)}")
        return task

    def schedule(self) -> None:
        task = self.head
        while task is not None:
            if task.blocked():
                task = task.next
            else:
                task = task.run()


class Task:
    def __init__(
        self,
        system: System,
        ident: int64,
        priority: int64,
        queue: Optional[Packet],
        pending: cbool,
        waiting: cbool,
        holding: cbool,
    ) -> None:
        self.system: System = system
        self.next: Optional[Task] = system.head
        self.ident: int64 = ident
        self.priority: int64 = priority
        self.queue: Optional[Packet] = queue
        self.pending: cbool = pending
        self.waiting: cbool = waiting
        self.holding: cbool = holding
        system.head = self
        system.tasks[ident] = self

    def blocked(self) -> cbool:
        if self.holding:
            return True
        if self.pending:
            return False
        return self.waiting

    def run(self) -> Optional[Task]:
        packet: Optional[Packet] = None
        if self.pending and self.waiting and not self.holding:
            packet = self.queue
            if packet is not None:
                rest = packet.link
                self.queue = rest
                if rest is None:
                    self.pending = False
                else:
                    self.pending = True
                self.waiting = False
                self.holding = False
        return self.step(packet)

    def step(self, packet: Optional[Packet]) -> Optional[Task]:
        raise NotImplementedError

    def wait(self) -> Task:
        self.waiting = True
        return self

    def hold(self) -> Optional[Task]:
        self.system.hold_count += 1
        self.holding = True
        return self.next

    def release(self, ident: int64) -> Task:
        task = self.system.find(ident)
        task.holding = False
        if task.priority > self.priority:
            return task
        return self

    def send(self, packet: Packet) -> Task:
        """Queues `packet` on the task it names, and stamps it with this task as its sender."""
        target = self.system.find(packet.owner)
        self.system.queue_count += 1
        packet.link = None
        packet.owner = self.ident
        queue = target.queue
        if queue is None:
            target.queue = packet
            target.pending = True
            if target.priority > self.priority:
                return target
        else:
            target.queue = packet.append_to(queue)
        return self


class IdleTask(Task):
    def __init__(self, system: System, count: int64) -> None:
        super().__init__(system, IDLE, 1, None, False, False, False)
        self.control: int64 = 1
        self.count: int64 = count

    def step(self, packet: Optional[Packet]) -> Optional[Task]:
        self.count -= 1
        if self.count == 0:
            return self.hold()
        if (self.control & 1) == 0:
            self.control = self.control >> 1
            return self.release(DEVICE_A)
        self.control = (self.control >> 1) ^ 0xD008
        return self.release(DEVICE_B)


class WorkerTask(Task):
    def __init__(self, system: System, queue: Optional[Packet]) -> None:
        super().__init__(system, WORKER, 1000, queue, True, True, False)
        self.destination: int64 = HANDLER_A
        self.count: int64 = 0

    def step(self, packet: Optional[Packet]) -> Optional[Task]:
        if packet is None:
            return self.wait()
        if self.destination == HANDLER_A:
            self.destination = HANDLER_B
        else:
            self.destination = HANDLER_A
        packet.owner = self.destination
        packet.datum = 0
        data = packet.data
        i: int64 = 0
        while i < BUFFER_SIZE:
            self.count += 1
            if self.count > 26:
                self.count = 1
            data[i] = 64 + self.count
            i += 1
        return self.send(packet)


class HandlerTask(Task):
    def __init__(self, system: System, ident: int64, priority: int64, queue: Optional[Packet]) -> None:
        super().__init__(system, ident, priority, queue, True, True, False)
        self.work: Optional[Packet] = None
        self.devices: Optional[Packet] = None

    def step(self, packet: Optional[Packet]) -> Optional[Task]:
        if packet is not None:
            if packet.kind == WORK_PACKET:
                self.work = packet.append_to(self.work)
            else:
                self.devices = packet.append_to(self.devices)
        work = self.work
        if work is None:
            return self.wait()
        index: int64 = work.datum
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
    def __init__(self, system: System, ident: int64, priority: int64) -> None:
        super().__init__(system, ident, priority, None, False, True, False)
        self.held: Optional[Packet] = None

    def step(self, packet: Optional[Packet]) -> Optional[Task]:
        if packet is None:
            held = self.held
            if held is None:
                return self.wait()
            self.held = None
            return self.send(held)
        self.held = packet
        return self.hold()


def packet_chain(owner: int64, kind: int64, length: int64) -> Optional[Packet]:
    head: Optional[Packet] = None
    i: int64 = 0
    while i < length:
        head = Packet(head, owner, kind)
        i += 1
    return head


def run_once(idle_count: int64) -> System:
    system = System()
    IdleTask(system, idle_count)
    WorkerTask(system, packet_chain(IDLE, WORK_PACKET, 2))
    HandlerTask(system, HANDLER_A, 2000, packet_chain(DEVICE_A, DEVICE_PACKET, 3))
    HandlerTask(system, HANDLER_B, 3000, packet_chain(DEVICE_B, DEVICE_PACKET, 3))
    DeviceTask(system, DEVICE_A, 4000)
    DeviceTask(system, DEVICE_B, 5000)
    system.schedule()
    return system


def main(iterations: int) -> None:
    n: int64 = int64(iterations)
    total_hold: int64 = 0
    total_queue: int64 = 0
    i: int64 = 0
    while i < n:
        system = run_once(IDLE_COUNT + i)
        total_hold += system.hold_count
        total_queue += system.queue_count
        print(f"run {box(i)}: hold {box(system.hold_count)} queue {box(system.queue_count)}")
        i += 1
    print(f"total: hold {box(total_hold)} queue {box(total_queue)}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 8)
