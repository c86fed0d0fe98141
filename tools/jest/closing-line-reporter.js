/**
 * Ends the run with one plain line, "tests: N passed, N failed, N skipped", after jest's own summary,
 * so logs can be read by their last line.
 */
class ClosingLineReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const line = `tests: ${results.numPassedTests} passed, ${results.numFailedTests} failed, ${skipped} skipped\n`;
    process.once('exit', () => process.stderr.write(line));
  }
}

module.exports = ClosingLineReporter;
