"""What several browser tests share: axe-core's rules and the check that a
page passes them, and a visitor (one browser context, one role) that logs in
and collects every Content-Security-Policy violation it sees."""

from dataclasses import dataclass, field

from django.urls import reverse

# Every WCAG 2.1 A and AA rule. `resultTypes` only trims the passing and
# inapplicable results to one node each (half the run time); violations are
# still reported in full.
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}


def assert_accessible(axe, page) -> None:
    """Run axe-core (WCAG 2.1 A and AA rules) on the page; no violations allowed."""
    results = axe.run(page, options=AXE_OPTIONS)
    violations = results.response["violations"]
    assert violations == [], results.generate_report()


PASSWORD = "csp-Test-pass-2017"

RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(
    `${event.effectiveDirective} blocked ${event.blockedURI || "?"}` +
    ` (${event.sourceFile || "document"}:${event.lineNumber}) ${event.sample}`
  );
});
"""


@dataclass
class Visitor:
    """One browser context (one role) that collects every CSP violation it sees."""

    page: object
    base: str
    problems: list[str] = field(default_factory=list)
    console: list[str] = field(default_factory=list)
    visited: int = 0

    @classmethod
    def open(cls, browser, base: str) -> "Visitor":
        context = browser.new_context(locale="ja-JP", viewport={"width": 1280, "height": 900})
        context.add_init_script(RECORD_VIOLATIONS)
        page = context.new_page()
        page.set_default_timeout(10_000)
        visitor = cls(page, base)
        page.on("console", visitor._on_console)
        return visitor

    def _on_console(self, message) -> None:
        if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text:
            self.console.append(message.text)

    def visit(self, path: str, status: int = 200) -> None:
        response = self.page.goto(self.base + path)
        if response.status != status:
            self.problems.append(f"{path}: HTTP {response.status}, expected {status}")
        self.collect(path)

    def collect(self, label: str) -> None:
        """Record the violations of the page now shown (after its load event)."""
        self.page.wait_for_load_state("load")
        # Violation events are queued as tasks: let the queue drain first.
        events = self.page.evaluate(
            "new Promise(done => setTimeout(() => done(window.__cspViolations || []), 0))"
        )
        self.problems += [f"{label}: {event}" for event in events]
        self.problems += [f"{label}: console: {text}" for text in self.console]
        self.console.clear()
        self.visited += 1

    def log_in(self, username: str, password: str = PASSWORD) -> None:
        self.page.goto(self.base + reverse("admin:login"))
        self.page.get_by_label("ユーザー名").fill(username)
        self.page.get_by_label("パスワード").fill(password)
        self.submit("ログイン")

    def submit(self, button: str) -> None:
        """Click a form's submit button and wait for the page it answers."""
        with self.page.expect_navigation():
            self.page.get_by_role("button", name=button).click()

    def close(self) -> None:
        self.page.context.close()
