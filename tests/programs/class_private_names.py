class Account:
    def __init__(self):
        self.__balance = 10
    def deposit(self, n):
        self.__balance += n
        return self.__balance
    def __secret(self):
        return "s"
    def reveal(self):
        return self.__secret()
a = Account()
print(a.deposit(5), a._Account__balance, a.reveal(), hasattr(a, "__balance"))
