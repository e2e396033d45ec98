from unittest import TestLoader as TestLoader, defaultTestLoader as defaultTestLoader, findTestCases as findTestCases, getTestCaseNames as getTestCaseNames, makeSuite as makeSuite
from typing import Pattern

VALID_MODULE_NAME: Pattern[str]
