/*
 * A small pytest project (a passing, a failing, a skipped and a flaky test, and pytest's other
 * outcomes) and outputs recorded from it with pytest 9.0.3, so the parser is tested even where
 * pytest is missing. FERRY_FLAKY=pass makes the flaky test pass.
 */

export const PYTEST_PROJECT: Record<string, string> = {
  "tests/test_sample.py": `import os

import pytest


def test_passes():
    assert 1 + 1 == 2


def test_fails():
    assert 1 + 1 == 3


@pytest.mark.skip(reason="not on this machine")
def test_skipped():
    pass


def test_flaky():
    flaky = os.environ.get("FERRY_FLAKY")
    assert flaky == "pass"


@pytest.mark.xfail(reason="known bug")
def test_expected_failure():
    assert False


@pytest.mark.xfail(reason="fixed already")
def test_unexpected_pass():
    pass


@pytest.fixture
def broken():
    raise RuntimeError("fixture broke")


def test_broken_fixture(broken):
    pass


class TestParametrized:
    @pytest.mark.parametrize("value", [1, "a - b", "x::y"])
    def test_value(self, value):
        assert value != 1
`,
};

/** `FERRY_FLAKY=pass pytest -rA`: every outcome in the short test summary. */
export const PYTEST_RA_OUTPUT = `============================= test session starts ==============================
platform linux -- Python 3.11.7, pytest-9.0.3, pluggy-1.6.0
benchmark: 5.2.3 (defaults: timer=time.perf_counter disable_gc=False min_rounds=5 min_time=0.000005 max_time=1.0 calibration_precision=10 warmup=False warmup_iterations=100000)
rootdir: /tmp/ptrec
plugins: hypothesis-6.155.2, benchmark-5.2.3
collected 10 items

tests/test_sample.py .Fs.xXEF..                                          [100%]

==================================== ERRORS ====================================
____________________ ERROR at setup of test_broken_fixture _____________________

    @pytest.fixture
    def broken():
>       raise RuntimeError("fixture broke")
E       RuntimeError: fixture broke

tests/test_sample.py:36: RuntimeError
=================================== FAILURES ===================================
__________________________________ test_fails __________________________________

    def test_fails():
>       assert 1 + 1 == 3
E       assert (1 + 1) == 3

tests/test_sample.py:11: AssertionError
________________________ TestParametrized.test_value[1] ________________________

self = <test_sample.TestParametrized object at 0x7fbe2e676ed0>, value = 1

    @pytest.mark.parametrize("value", [1, "a - b", "x::y"])
    def test_value(self, value):
>       assert value != 1
E       assert 1 != 1

tests/test_sample.py:46: AssertionError
==================================== PASSES ====================================
=================================== XPASSES ====================================
=========================== short test summary info ============================
PASSED tests/test_sample.py::test_passes
PASSED tests/test_sample.py::test_flaky
PASSED tests/test_sample.py::TestParametrized::test_value[a - b]
PASSED tests/test_sample.py::TestParametrized::test_value[x::y]
SKIPPED [1] tests/test_sample.py:14: not on this machine
XFAIL tests/test_sample.py::test_expected_failure - known bug
XPASS tests/test_sample.py::test_unexpected_pass - fixed already
ERROR tests/test_sample.py::test_broken_fixture - RuntimeError: fixture broke
FAILED tests/test_sample.py::test_fails - assert (1 + 1) == 3
FAILED tests/test_sample.py::TestParametrized::test_value[1] - assert 1 != 1
==== 2 failed, 4 passed, 1 skipped, 1 xfailed, 1 xpassed, 1 error in 1.15s =====
`;

/** `FERRY_FLAKY=pass pytest -v --color=yes`: the verbose lines and the closing counts, in colour. */
export const PYTEST_VERBOSE_COLOUR_OUTPUT = `\u001b[1m============================= test session starts ==============================\u001b[0m
tests/test_sample.py::test_passes \u001b[32mPASSED\u001b[0m\u001b[32m                                 [ 10%]\u001b[0m
tests/test_sample.py::test_fails \u001b[31mFAILED\u001b[0m\u001b[31m                                  [ 20%]\u001b[0m
tests/test_sample.py::test_skipped \u001b[33mSKIPPED\u001b[0m (not on this machine)\u001b[31m         [ 30%]\u001b[0m
tests/test_sample.py::test_flaky \u001b[32mPASSED\u001b[0m\u001b[31m                                  [ 40%]\u001b[0m
tests/test_sample.py::test_expected_failure \u001b[33mXFAIL\u001b[0m (known bug)\u001b[31m            [ 50%]\u001b[0m
tests/test_sample.py::test_unexpected_pass \u001b[33mXPASS\u001b[0m (fixed already)\u001b[31m         [ 60%]\u001b[0m
tests/test_sample.py::test_broken_fixture \u001b[31mERROR\u001b[0m\u001b[31m                          [ 70%]\u001b[0m
tests/test_sample.py::TestParametrized::test_value[1] \u001b[31mFAILED\u001b[0m\u001b[31m             [ 80%]\u001b[0m
tests/test_sample.py::TestParametrized::test_value[a - b] \u001b[32mPASSED\u001b[0m\u001b[31m         [ 90%]\u001b[0m
tests/test_sample.py::TestParametrized::test_value[x::y] \u001b[32mPASSED\u001b[0m\u001b[31m          [100%]\u001b[0m
\u001b[31mFAILED\u001b[0m tests/test_sample.py::\u001b[1mtest_fails\u001b[0m - assert (1 + 1) == 3
\u001b[31mFAILED\u001b[0m tests/test_sample.py::\u001b[1mTestParametrized::test_value[1]\u001b[0m - assert 1 != 1
\u001b[31mERROR\u001b[0m tests/test_sample.py::\u001b[1mtest_broken_fixture\u001b[0m - RuntimeError: fixture broke
\u001b[31m==== \u001b[31m\u001b[1m2 failed\u001b[0m, \u001b[32m4 passed\u001b[0m, \u001b[33m1 skipped\u001b[0m, \u001b[33m1 xfailed\u001b[0m, \u001b[33m1 xpassed\u001b[0m, \u001b[31m\u001b[1m1 error\u001b[0m\u001b[31m in 1.07s\u001b[0m\u001b[31m =====\u001b[0m
`;
