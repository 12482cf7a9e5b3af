import Foundation
import TestSupport
import Testing

/// The dashboard in a real browser: `Tests/Browser/check_dashboard.py` fills reporting with six
/// months of generated events, renders the page in headless Chromium at 375 px and 1920 px, and
/// checks the screenshot, the layout and every number against `GetMonthlyBulletin`, then uses the
/// district filter and the month picker. `scripts/test` installs Chromium, its driver and the
/// script's Python packages, and names the Python in `FENLIU_BROWSER_PYTHON`.
@Suite("Reporting: the dashboard in headless Chromium")
struct DashboardBrowserTests {
    @Test("the page renders at 375 and 1920 px and shows the bulletin's numbers")
    func inChromium() async throws {
        let environment = ProcessInfo.processInfo.environment
        let python = try #require(
            environment["FENLIU_BROWSER_PYTHON"], "FENLIU_BROWSER_PYTHON is not set: run scripts/test, which installs Chromium and Selenium")
        let root = try #require(environment["FENLIU_REPO_ROOT"], "FENLIU_REPO_ROOT is not set: run scripts/test")
        try await ReportingHarness.with { harness in
            var arguments = [root + "/Tests/Browser/check_dashboard.py", "--base", harness.base, "--month", "2026-11", "--ingest", "300"]
            if let shots = environment["FENLIU_SCREENSHOTS"] { arguments += ["--screenshots", shots] }
            // Waited for on a thread of its own, not one of the cooperative pool's two.
            let result = try await Subprocess.run(python, arguments, mergeOutput: true)
            #expect(result.status == 0, "\(result.standardOutput)")
            #expect(result.standardOutput.contains("dashboard check passed"), "\(result.standardOutput)")
        }
    }
}
