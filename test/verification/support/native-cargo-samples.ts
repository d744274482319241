/*
 * A small crate (a passing, a failing, an ignored and a flaky test, a #[should_panic] test, two
 * doc-test examples on one item, an integration test) and outputs recorded with cargo 1.95.0,
 * RUST_BACKTRACE=0. FERRY_FLAKY=pass makes the flaky test pass.
 */

export const CARGO_PROJECT: Record<string, string> = {
  "Cargo.toml": `[package]
name = "ferry-sample"
version = "0.1.0"
edition = "2021"

[dependencies]
`,
  "src/lib.rs": `/// Adds two numbers.
///
/// \`\`\`
/// assert_eq!(ferry_sample::add(1, 2), 3);
/// \`\`\`
///
/// A second example, which is wrong:
///
/// \`\`\`
/// assert_eq!(ferry_sample::add(1, 1), 3);
/// \`\`\`
pub fn add(a: i32, b: i32) -> i32 {
    a + b
}

#[cfg(test)]
mod tests {
    #[test]
    fn passes() {
        assert_eq!(super::add(1, 1), 2);
    }

    #[test]
    fn fails() {
        assert_eq!(super::add(1, 1), 3);
    }

    #[test]
    #[ignore = "not on this machine"]
    fn skipped() {}

    #[test]
    fn flaky() {
        assert_eq!(std::env::var("FERRY_FLAKY").as_deref(), Ok("pass"));
    }

    #[test]
    #[should_panic(expected = "overflow")]
    fn panics() {
        super::add(i32::MAX, 1);
    }
}
`,
  "tests/integration.rs": `#[test]
fn adds_from_outside() {
    assert_eq!(ferry_sample::add(2, 2), 4);
}
`,
};

/** `FERRY_FLAKY=pass cargo test --no-fail-fast`. */
export const CARGO_VERBOSE_OUTPUT = `    Finished \`test\` profile [unoptimized + debuginfo] target(s) in 0.12s
     Running unittests src/lib.rs (target/debug/deps/ferry_sample-ba97e6d544dcb9d6)

running 5 tests
test tests::fails ... FAILED
test tests::flaky ... ok
test tests::passes ... ok
test tests::panics - should panic ... ok
test tests::skipped ... ignored, not on this machine

failures:

---- tests::fails stdout ----

thread 'tests::fails' (31268) panicked at src/lib.rs:25:9:
assertion \`left == right\` failed
  left: 2
 right: 3
note: run with \`RUST_BACKTRACE=1\` environment variable to display a backtrace


failures:
    tests::fails

test result: FAILED. 3 passed; 1 failed; 1 ignored; 0 measured; 0 filtered out; finished in 0.01s

error: test failed, to rerun pass \`--lib\`
     Running tests/integration.rs (target/debug/deps/integration-93918506f96bf92e)

running 1 test
test adds_from_outside ... ok

test result: ok. 1 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.00s

   Doc-tests ferry_sample

running 2 tests
test src/lib.rs - add (line 9) ... FAILED
test src/lib.rs - add (line 3) ... ok

failures:

---- src/lib.rs - add (line 9) stdout ----
Test executable failed (exit status: 101).

stderr:

thread 'main' (31373) panicked at src/lib.rs:5:1:
assertion \`left == right\` failed
  left: 2
 right: 3
note: run with \`RUST_BACKTRACE=1\` environment variable to display a backtrace



failures:
    src/lib.rs - add (line 9)

test result: FAILED. 1 passed; 1 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.52s

error: doctest failed, to rerun pass \`--doc\`
error: 2 targets failed:
    \`--lib\`
    \`--doc\`
`;

/** `cargo test --no-fail-fast -q` (the flaky test failing): no headers, and only the failures named. */
export const CARGO_QUIET_OUTPUT = `
running 5 tests
tests::fails --- FAILED
tests::flaky --- FAILED
..i
failures:

---- tests::fails stdout ----

thread 'tests::fails' (31395) panicked at src/lib.rs:25:9:
assertion \`left == right\` failed
  left: 2
 right: 3
note: run with \`RUST_BACKTRACE=1\` environment variable to display a backtrace

---- tests::flaky stdout ----

thread 'tests::flaky' (31396) panicked at src/lib.rs:34:9:
assertion \`left == right\` failed
  left: Err(NotPresent)
 right: Ok("pass")


failures:
    tests::fails
    tests::flaky

test result: FAILED. 2 passed; 2 failed; 1 ignored; 0 measured; 0 filtered out; finished in 0.00s

error: test failed, to rerun pass \`--lib\`

running 1 test
.
test result: ok. 1 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.00s


running 2 tests
. 1/2
src/lib.rs - add (line 9) --- FAILED

failures:

---- src/lib.rs - add (line 9) stdout ----
Test executable failed (exit status: 101).

stderr:

thread 'main' (31466) panicked at src/lib.rs:5:1:
assertion \`left == right\` failed
  left: 2
 right: 3
note: run with \`RUST_BACKTRACE=1\` environment variable to display a backtrace



failures:
    src/lib.rs - add (line 9)

test result: FAILED. 1 passed; 1 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.76s

error: doctest failed, to rerun pass \`--doc\`
error: 2 targets failed:
    \`--lib\`
    \`--doc\`
`;

/** `cargo test` on a crate whose second test calls std::process::abort(). */
export const CARGO_CRASH_OUTPUT = `   Compiling crashes v0.1.0 (/tmp/ccrash)
    Finished \`test\` profile [unoptimized + debuginfo] target(s) in 0.60s
     Running unittests src/lib.rs (target/debug/deps/crashes-f57874efabc593c6)

running 2 tests
test fine ... ok
error: test failed, to rerun pass \`--lib\`

Caused by:
  process didn't exit successfully: \`/tmp/ccrash/target/debug/deps/crashes-f57874efabc593c6\` (signal: 6, SIGABRT: process abort signal)
`;

/** `cargo test` in a workspace of two crates, a and b, each with a bin and a `tests/it.rs`. */
export const CARGO_WORKSPACE_OUTPUT = `    Finished \`test\` profile [unoptimized + debuginfo] target(s) in 0.05s
     Running unittests src/lib.rs (target/debug/deps/a-3110576fc3c3c96d)

running 1 test
test t ... ok

test result: ok. 1 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.01s

     Running unittests src/main.rs (target/debug/deps/tool_a-ce4f4730a0dd6a88)

running 1 test
test m ... ok

test result: ok. 1 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.00s

     Running tests/it.rs (target/debug/deps/it-32f71979fd935e29)

running 1 test
test it ... ok

test result: ok. 1 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.00s

     Running unittests src/lib.rs (target/debug/deps/b-d297d743c1d6421f)

running 1 test
test t ... ok

test result: ok. 1 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.00s

     Running unittests src/main.rs (target/debug/deps/tool_b-b558b67b33024e1f)

running 1 test
test m ... ok

test result: ok. 1 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.00s

     Running tests/it.rs (target/debug/deps/it-61c19b126de3b91b)

running 1 test
test it ... ok

test result: ok. 1 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.01s

   Doc-tests a

running 0 tests

test result: ok. 0 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.00s

   Doc-tests b

running 0 tests

test result: ok. 0 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.00s

`;
