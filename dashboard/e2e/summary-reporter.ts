import type { FullResult, Reporter, TestCase, TestResult } from "@playwright/test/reporter";

/**
 * The closing line .ci/run reads: "e2e: N passed, N failed". A test that did not pass counts as failed — a skip
 * too (no test here is meant to be skipped), and a run that ends early with nothing failed adds one failure.
 */
export default class SummaryReporter implements Reporter {
  private passed = 0;
  private failed = 0;

  onTestEnd(test: TestCase, result: TestResult) {
    // Only a test's final attempt counts (retries are off, but the rule holds if they are turned on).
    if (result.retry < test.retries && result.status !== "passed") return;
    if (result.status === "passed") this.passed++;
    else this.failed++;
  }

  onEnd(result: FullResult) {
    if (result.status !== "passed" && this.failed === 0) this.failed = 1;
    console.log(`e2e: ${this.passed} passed, ${this.failed} failed`);
  }

  printsToStdio() {
    return true;
  }
}
