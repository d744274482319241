/** A line that declares a test case or suite, in JavaScript, Python or Go. */
export const TEST_CASE = /^\s*(?:(?:it|test|describe|context|specify|suite)(?:\.\w+)*\s*\(|x(?:it|describe|test)\s*\(|f(?:it|describe)\s*\(|(?:async\s+)?def test\w*\s*\(|func Test\w*\s*\(|t\.Run\s*\()/;

/** A line that skips a test: `.skip(`, `xit(`, `xdescribe(`, `test.todo(`, pytest/unittest skips, Go's `t.Skip`. */
export const SKIP = /\.skip\s*\(|\bx(?:it|describe|test)\s*\(|\b(?:test|it)\.todo\s*\(|@pytest\.mark\.skip|@unittest\.skip|\bpytest\.skip\s*\(|\bt\.Skip(?:f|Now)?\s*\(/;

/** A line that focuses a test, so that the others silently stop running. */
export const ONLY = /\.only\s*\(|\bf(?:it|describe)\s*\(/;

/**
 * A line that asserts: `expect(`, `assert…`, chai/should.js `x.should…` and `should(…)`, Go's
 * `t.Error`/`t.Fatal`, testify's `require.`. A test named "should …" is not an assertion.
 */
export const ASSERTION = /\bexpect\s*\(|\bassert\w*\b|\.should\b|\bshould(?:\.\w+|\s*\()|\bt\.(?:Error|Errorf|Fatal|Fatalf)\s*\(|\brequire\.\w+\s*\(/;
