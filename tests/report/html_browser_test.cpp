// Opens HTML reports in headless Chromium and fails on any script error or
// any network request the page makes. Chromium reports both ways we look:
//   - the page's own inline script records uncaught errors and blocked loads
//     (Content-Security-Policy violations) on <html>, read with --dump-dom;
//   - console messages on stderr (--enable-logging=stderr), for errors that
//     happen before that script runs;
//   - a NetLog (--log-net-log) lists every URL request; requests made on the
//     page's behalf carry the file:// network isolation key, which tells them
//     from Chromium's own background traffic. Host resolution is mapped to
//     nothing so even that background traffic never leaves the machine.
// The detector is proven on deliberately broken pages. Skips when Chromium
// is not installed (scripts/install-deps.sh installs it for the tests).
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "cli/scan_pipeline.h"
#include "report/report.h"

namespace fs = std::filesystem;
using Json = nlohmann::json;

namespace {

std::string Chromium() {
  if (const char* env = std::getenv("FW_CHROMIUM"); env != nullptr && *env != '\0') return env;
  for (const char* p :
       {"/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"}) {
    if (fs::exists(p)) return p;
  }
  return "";
}

std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

struct PageResult {
  bool loaded = false;                // our ready marker is in the DOM
  std::vector<std::string> errors;    // script errors and error-level console lines
  std::vector<std::string> requests;  // URLs the page asked the network for
  std::string dom;                    // the DOM after load, serialised
};

class Browser {
 public:
  Browser() {
    dir_ = fs::temp_directory_path() / ("fw_browser_" + std::to_string(::getpid()));
    fs::create_directories(dir_);
  }
  ~Browser() {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }

  PageResult Open(const std::string& name, const std::string& html) {
    fs::path page = dir_ / (name + ".html");
    std::ofstream(page, std::ios::binary) << html;
    fs::path profile = dir_ / (name + "-profile");
    fs::path dom = dir_ / (name + ".dom");
    fs::path log = dir_ / (name + ".log");
    fs::path net = dir_ / (name + ".netlog.json");
    std::string cmd = "timeout 120 '" + Chromium() +
                      "' --headless --no-sandbox --disable-gpu --disable-quic --no-first-run "
                      "--disable-background-networking --disable-component-update --disable-sync "
                      "--disable-default-apps --disable-extensions --no-pings "
                      "--host-resolver-rules='MAP * ~NOTFOUND' "
                      "--user-data-dir='" +
                      profile.string() +
                      "' --enable-logging=stderr --v=0 "
                      "--log-net-log='" +
                      net.string() +
                      "' --virtual-time-budget=3000 "
                      "--dump-dom 'file://" +
                      page.string() + "' > '" + dom.string() + "' 2> '" + log.string() + "'";
    int rc = std::system(cmd.c_str());
    EXPECT_EQ(rc, 0) << "chromium failed:\n" << Slurp(log);

    PageResult r;
    std::string d = Slurp(dom);
    r.dom = d;
    size_t html_start = d.find("<html");
    std::string root = d.substr(html_start == std::string::npos ? 0 : html_start, 2000);
    root = root.substr(0, root.find('>'));
    r.loaded = root.find("data-fw-ready=\"1\"") != std::string::npos;
    if (auto p = root.find("data-fw-error="); p != std::string::npos)
      r.errors.push_back(root.substr(p));
    if (auto p = root.find("data-fw-blocked="); p != std::string::npos)
      r.requests.push_back(root.substr(p));

    std::istringstream lines(Slurp(log));
    for (std::string line; std::getline(lines, line);) {
      bool console = line.find(":CONSOLE") != std::string::npos;
      if (line.find("Uncaught") != std::string::npos ||
          (console && (line.find("Error") != std::string::npos ||
                       line.find("violates") != std::string::npos))) {
        r.errors.push_back(line);
      }
    }

    // NetLog: a JSON document; a run cut short may leave it unterminated.
    std::string text = Slurp(net);
    Json netlog = Json::parse(text, nullptr, false);
    if (netlog.is_discarded()) netlog = Json::parse(text + "]}", nullptr, false);
    EXPECT_FALSE(netlog.is_discarded()) << "unreadable NetLog " << net;
    if (!netlog.is_discarded()) {
      for (const auto& e : netlog.value("events", Json::array())) {
        const Json params = e.value("params", Json::object());
        if (!params.contains("url") || !params["url"].is_string()) continue;
        std::string url = params["url"];
        std::string nik = params.value("network_isolation_key", "");
        if (nik.rfind("file://", 0) == 0 && url.rfind("file:", 0) != 0 &&
            url.rfind("data:", 0) != 0) {
          r.requests.push_back(url);
        }
      }
    }
    return r;
  }

 private:
  fs::path dir_;
};

fw::report::ScanReport ScanDir(const fs::path& dir) {
  auto cwd = fs::current_path();
  fs::current_path(dir);
  auto report = fw::cli::Scan(fw::core::LocalFileSystem(), {"."});
  fs::current_path(cwd);
  return report;
}

std::string Join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += s.substr(0, 300) + "\n";
  return out;
}

#define REQUIRE_CHROMIUM()                                                            \
  if (Chromium().empty())                                                             \
  GTEST_SKIP() << "chromium not installed (scripts/install-deps.sh installs it with " \
                  "FW_TEST_DEPS=1)"

}  // namespace

TEST(HtmlInBrowser, ExamplesReportOpensWithoutErrorsOrRequests) {
  REQUIRE_CHROMIUM();
  Browser browser;
  auto r = browser.Open("examples",
                        fw::report::RenderHtml(ScanDir(fs::path(FW_SOURCE_DIR) / "examples")));
  EXPECT_TRUE(r.loaded) << "the page's script did not run to the end";
  EXPECT_TRUE(r.errors.empty()) << Join(r.errors);
  EXPECT_TRUE(r.requests.empty()) << Join(r.requests);
}

TEST(HtmlInBrowser, HostileNamesRunNoScript) {
  REQUIRE_CHROMIUM();
  Browser browser;
  std::string html = fw::report::RenderHtml(
      ScanDir(fs::path(FW_SOURCE_DIR) / "tests" / "outputs" / "hostile-names"));
  // Injected markup would run alert() or load x; alert in headless mode
  // shows as a console message or a blocked request.
  auto r = browser.Open("hostile", html);
  EXPECT_TRUE(r.loaded);
  // In the live DOM the names are text, never elements or attributes.
  EXPECT_EQ(r.dom.find("<script>alert"), std::string::npos);
  EXPECT_EQ(r.dom.find("<img"), std::string::npos);
  // Serialised text keeps quotes raw but never '<', so a match is a tag.
  EXPECT_FALSE(std::regex_search(r.dom, std::regex("<[a-z]+[^<>]*\\sonmouseover=")));
  EXPECT_NE(r.dom.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_TRUE(r.errors.empty()) << Join(r.errors);
  EXPECT_TRUE(r.requests.empty()) << Join(r.requests);
}

// The detector itself: a script error and a network request on pages made to
// fail must both be caught.
TEST(HtmlInBrowser, DetectsScriptErrorsAndRequests) {
  REQUIRE_CHROMIUM();
  Browser browser;
  std::string page = fw::report::RenderHtml(fw::report::ScanReport{});
  std::string broken = page;
  broken.insert(broken.find("</body>"), "<script>undefinedFunction(</script>");
  auto r = browser.Open("broken-script", broken);
  EXPECT_FALSE(r.errors.empty()) << "a syntax error must be reported";

  std::string thrown = page;
  thrown.insert(thrown.find("</body>"), "<script>null.f();</script>");
  r = browser.Open("thrown", thrown);
  EXPECT_FALSE(r.errors.empty()) << "an uncaught exception must be reported";

  // Without the report's Content-Security-Policy the request goes out (to a
  // closed loopback port) and the NetLog shows it.
  std::string fetching = page;
  fetching.erase(fetching.find("<meta http-equiv=\"Content-Security-Policy\""),
                 fetching.find('>', fetching.find("Content-Security-Policy")) + 1 -
                     fetching.find("<meta http-equiv=\"Content-Security-Policy\""));
  fetching.insert(fetching.find("</body>"), "<img alt=\"\" src=\"http://127.0.0.1:9/pixel.png\">");
  r = browser.Open("fetching", fetching);
  EXPECT_FALSE(r.requests.empty()) << "a request to 127.0.0.1:9 must be seen";
  EXPECT_TRUE(r.loaded);

  // With the policy the load is blocked, and still reported.
  std::string blocked = page;
  blocked.insert(blocked.find("</body>"), "<img alt=\"\" src=\"http://127.0.0.1:9/pixel.png\">");
  r = browser.Open("blocked", blocked);
  EXPECT_FALSE(r.requests.empty()) << "a blocked load must be reported";
}
