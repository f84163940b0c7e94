// Tests of the server over real HTTP: first in-process (server::Server on a free port,
// called with httplib::Client), then the real safespaces-server program, started,
// asked, and stopped with SIGTERM as a script or service manager would.
// Start at TestServer: it builds a data folder and a small fake web client.
#include <httplib.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zlib.h>
#include <catch2/catch.hpp>

#include <chrono>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "core/api_error.h"
#include "core/app_info.h"
#include "server/options.h"
#include "server/server.h"
#include "store/database.h"
#include "in_process_server.h"
#include "test_gunzip.h"
#include "test_temp_dir.h"

extern char** environ;

namespace {

using namespace std::chrono_literals;

// [SECTION] A server in this process

std::string FakeIndexHtml() {
  std::string html = "<!doctype html>\n<html lang=\"en\"><head><title>Safe Spaces</title></head><body>\n";
  for (int i = 0; i < 40; ++i) html += "<p>A place where young people feel welcome, understood and comfortable.</p>\n";
  return html + "</body></html>\n";
}

std::string FakeWasm() {
  std::string wasm("\0asm\1\0\0\0", 8);
  for (int i = 0; i < 2000; ++i) wasm += static_cast<char>(i % 7);
  return wasm;
}

std::string NotCompressible(size_t size) {
  std::string bytes;
  unsigned state = 12345;
  for (size_t i = 0; i < size; ++i) {
    state = state * 1103515245u + 12345u;
    bytes += static_cast<char>(state >> 24);
  }
  return bytes;
}

const std::string kSecret = "root:x:0:0:this must never be served";

class TestServer {
 public:
  explicit TestServer(std::string tile_url = {}) : server_(WriteWebFolder(files_, std::move(tile_url))) {}
  httplib::Client Client() const {
    httplib::Client client = server_.Client();
    client.set_keep_alive(false);  // each request on its own connection, as the tests expect
    return client;
  }
  const std::filesystem::path& Root() const { return files_.Path(); }
  const std::filesystem::path& DataDir() const { return server_.DataDir(); }

 private:
  // A small web folder, and a secret file beside it (not in it) that must never be served.
  static server::Options WriteWebFolder(const TempDir& files, std::string tile_url) {
    WriteFile(files.Path() / "web" / "index.html", FakeIndexHtml());
    WriteFile(files.Path() / "web" / "app.wasm", FakeWasm());
    WriteFile(files.Path() / "web" / "icon.png", NotCompressible(3000));
    WriteFile(files.Path() / "secret.txt", kSecret);
    server::Options options;
    options.web_dir = files.Path() / "web";
    options.tile_url = std::move(tile_url);
    return options;
  }

  TempDir files_;  // first: the server is made from what is written here
  InProcessServer server_;
};


}  // namespace

TEST_CASE("health says the server is ok, which version it is and which schema it runs", "[server][api]") {
  TestServer server;
  auto res = server.Client().Get("/api/v1/health");
  REQUIRE(res);
  CHECK(res->status == 200);
  CHECK(res->get_header_value("Content-Type") == "application/json");
  const nlohmann::json health = nlohmann::json::parse(res->body);
  CHECK(health["status"] == "ok");
  CHECK(health["service"] == "safespaces");
  CHECK(health["version"] == std::string(core::AppVersion()));
  CHECK(health["schema_version"] == store::LatestSchemaVersion());
  // The first start made the data folder.
  CHECK(std::filesystem::exists(server.DataDir() / "safespaces.db"));
  CHECK(std::filesystem::is_directory(server.DataDir() / "uploads"));
}

TEST_CASE("an unknown API address is a JSON 404 in our error shape", "[server][api]") {
  TestServer server;
  for (const char* path : {"/api/v1/no-such-thing", "/api/v2/health", "/api", "/api/"}) {
    INFO(path);
    auto res = server.Client().Get(path);
    REQUIRE(res);
    CHECK(res->status == 404);
    CHECK(res->get_header_value("Content-Type") == "application/json");
    const std::optional<core::ApiError> error = core::ErrorFromJson(res->body);
    REQUIRE(error);
    CHECK(error->code == core::ErrorCode::NotFound);
    CHECK_FALSE(error->message.empty());
  }
}

TEST_CASE("the wrong method on a known API address is a JSON 405 saying which one works", "[server][api]") {
  TestServer server;
  auto res = server.Client().Post("/api/v1/health", "{}", "application/json");
  REQUIRE(res);
  CHECK(res->status == 405);
  CHECK(res->get_header_value("Allow") == "GET");
  const std::optional<core::ApiError> error = core::ErrorFromJson(res->body);
  REQUIRE(error);
  CHECK(error->code == core::ErrorCode::MethodNotAllowed);
}

TEST_CASE("the web app's front page is served at / as HTML", "[server][web]") {
  TestServer server;
  auto res = server.Client().Get("/");
  REQUIRE(res);
  CHECK(res->status == 200);
  CHECK(res->get_header_value("Content-Type") == "text/html; charset=utf-8");
  CHECK(res->body == FakeIndexHtml());
  CHECK(res->get_header_value("Cache-Control") == "no-cache");
  CHECK(res->get_header_value("X-Content-Type-Options") == "nosniff");
}

TEST_CASE("the page forbids what the app never does: other scripts, frames around it, plugins, forms", "[server][web]") {
  TestServer server;
  auto page = server.Client().Get("/");
  REQUIRE(page);
  const std::string policy = page->get_header_value("Content-Security-Policy");
  for (const char* part : {"default-src 'self'", "script-src 'self' 'wasm-unsafe-eval';", "object-src 'none'",
                           "frame-ancestors 'none'", "form-action 'none'", "base-uri 'self'",
                           "connect-src 'self' https://tile.openstreetmap.org;"})
    CHECK(policy.find(part) != std::string::npos);
  CHECK(policy.find("unsafe-eval'") == policy.find("wasm-unsafe-eval'") + 5);  // only WebAssembly's
  CHECK(page->get_header_value("X-Frame-Options") == "DENY");
  CHECK(page->get_header_value("Referrer-Policy") == "strict-origin-when-cross-origin");
  CHECK(page->get_header_value("Access-Control-Allow-Origin").empty());  // no other site may read our answers

  // The API's answers are never pages: no policy of their own, the same framing rule.
  auto health = server.Client().Get("/api/v1/health");
  REQUIRE(health);
  CHECK(health->get_header_value("Content-Security-Policy").empty());
  CHECK(health->get_header_value("X-Frame-Options") == "DENY");
}

TEST_CASE("a council's own tile server is the one other site the page may ask", "[server][web]") {
  TestServer server("https://tiles.example.gov.uk/osm/{z}/{x}/{y}.png");
  auto page = server.Client().Get("/");
  REQUIRE(page);
  const std::string policy = page->get_header_value("Content-Security-Policy");
  CHECK(policy.find("connect-src 'self' https://tiles.example.gov.uk;") != std::string::npos);
  CHECK(policy.find("openstreetmap") == std::string::npos);
}

TEST_CASE("app.wasm is served as application/wasm, so browsers can compile it while it loads", "[server][web]") {
  TestServer server;
  auto res = server.Client().Get("/app.wasm");
  REQUIRE(res);
  CHECK(res->status == 200);
  CHECK(res->get_header_value("Content-Type") == "application/wasm");
  CHECK(res->body == FakeWasm());
}

TEST_CASE("gzip goes only to clients that ask for it, and unpacks to the very same file", "[server][web]") {
  TestServer server;
  httplib::Client client = server.Client();
  client.set_decompress(false);  // look at the bytes on the wire

  SECTION("asked") {
    for (const char* accept : {"gzip", "gzip, deflate, br", "br;q=1.0, GZIP;q=0.5"}) {
      INFO(accept);
      auto res = client.Get("/", {{"Accept-Encoding", accept}});
      REQUIRE(res);
      CHECK(res->status == 200);
      CHECK(res->get_header_value("Content-Encoding") == "gzip");
      CHECK(res->get_header_value("Vary") == "Accept-Encoding");
      CHECK(res->body.size() < FakeIndexHtml().size() / 4);
      CHECK(Gunzip(res->body) == FakeIndexHtml());
    }
    auto wasm = client.Get("/app.wasm", {{"Accept-Encoding", "gzip"}});
    REQUIRE(wasm);
    CHECK(wasm->get_header_value("Content-Encoding") == "gzip");
    CHECK(Gunzip(wasm->body) == FakeWasm());
  }
  SECTION("not asked, or refused") {
    for (const char* accept : {"", "identity", "br", "gzip;q=0", "deflate, gzip; q=0.000"}) {
      INFO(accept);
      httplib::Headers headers;
      if (*accept) headers.emplace("Accept-Encoding", accept);
      auto res = client.Get("/", headers);
      REQUIRE(res);
      CHECK(res->status == 200);
      CHECK_FALSE(res->has_header("Content-Encoding"));
      CHECK(res->body == FakeIndexHtml());
    }
  }
  SECTION("an image that is already compressed is sent as it is") {
    auto res = client.Get("/icon.png", {{"Accept-Encoding", "gzip"}});
    REQUIRE(res);
    CHECK(res->get_header_value("Content-Type") == "image/png");
    CHECK_FALSE(res->has_header("Content-Encoding"));
    CHECK(res->body == NotCompressible(3000));
  }
}

TEST_CASE("a file the browser already has comes back as a short 304", "[server][web]") {
  TestServer server;
  httplib::Client client = server.Client();
  for (const char* accept : {"", "gzip"}) {
    INFO(accept);
    httplib::Headers headers;
    if (*accept) headers.emplace("Accept-Encoding", accept);
    auto first = client.Get("/app.wasm", headers);
    REQUIRE(first);
    const std::string etag = first->get_header_value("ETag");
    REQUIRE(etag.size() > 2);
    CHECK(etag.front() == '"');  // strong, not W/

    headers.emplace("If-None-Match", etag);
    auto again = client.Get("/app.wasm", headers);
    REQUIRE(again);
    CHECK(again->status == 304);
    CHECK(again->body.empty());
    CHECK(again->get_header_value("ETag") == etag);
  }
  auto changed = client.Get("/app.wasm", {{"If-None-Match", "\"an-older-build\""}});
  REQUIRE(changed);
  CHECK(changed->status == 200);
  CHECK(changed->body == FakeWasm());
}

TEST_CASE("no address reaches a file outside the web folder", "[server][web][security]") {
  TestServer server;
  httplib::Client client = server.Client();
  for (const char* path : {"/../secret.txt", "/../../../../etc/passwd", "/%2e%2e/secret.txt",
                           "/%2E%2E/%2e%2E/etc/passwd", "/..%2fsecret.txt", "/..%2Fsecret.txt", "/%2e%2e%2fsecret.txt",
                           "/%252e%252e/secret.txt", "/app.wasm/../../secret.txt", "/..\\secret.txt",
                           "/%5c..%5csecret.txt", "/./../secret.txt", "../secret.txt", "/%00/../secret.txt"}) {
    INFO(path);
    auto res = client.Get(path);
    REQUIRE(res);
    CHECK((res->status == 400 || res->status == 404));
    CHECK(res->body.find("root:") == std::string::npos);
  }
}

TEST_CASE("a missing web file is a plain 404 page, not the API's JSON", "[server][web]") {
  TestServer server;
  auto res = server.Client().Get("/no-such-file.js");
  REQUIRE(res);
  CHECK(res->status == 404);
  CHECK(res->get_header_value("Content-Type") == "text/plain; charset=utf-8");
  CHECK_FALSE(res->body.empty());
}

TEST_CASE("odd requests get a 4xx and the server keeps answering", "[server][web][security]") {
  TestServer server;
  httplib::Client client = server.Client();
  auto past_end = client.Get("/app.wasm", {{"Range", "bytes=999999-"}});
  REQUIRE(past_end);
  CHECK(past_end->status == 416);
  auto many = client.Get("/app.wasm", {{"Range", "bytes=0-1,5-9"}});
  REQUIRE(many);
  CHECK(many->status == 416);
  auto part = client.Get("/app.wasm", {{"Range", "bytes=0-3"}});
  REQUIRE(part);
  CHECK(part->status == 206);
  CHECK(part->body == std::string("\0asm", 4));
  auto huge = client.Post("/api/v1/health", std::string(5u << 20, 'x'), "application/json");
  REQUIRE(huge);
  CHECK(huge->status == 413);
  auto health = client.Get("/api/v1/health");
  REQUIRE(health);
  CHECK(health->status == 200);
}

TEST_CASE("the command line is read the way --help describes it", "[server][options]") {
  auto parse = [](std::vector<const char*> args) {
    args.insert(args.begin(), "safespaces-server");
    return server::ParseCommandLine(static_cast<int>(args.size()), args.data());
  };
  const server::CommandLine defaults = parse({});
  CHECK(defaults.action == server::CommandLineAction::Run);
  CHECK(defaults.options.port == 8080);
  CHECK(defaults.options.host == "127.0.0.1");

  const server::CommandLine given = parse({"--port", "0", "--host=0.0.0.0", "--data", "/tmp/d", "--web=/tmp/w"});
  CHECK(given.action == server::CommandLineAction::Run);
  CHECK(given.options.port == 0);
  CHECK(given.options.host == "0.0.0.0");
  CHECK(given.options.data_dir == "/tmp/d");
  CHECK(given.options.web_dir == "/tmp/w");

  CHECK(parse({"--help"}).action == server::CommandLineAction::ShowHelp);
  for (std::vector<const char*> wrong : {std::vector<const char*>{"--port", "eighty"},
                                         {"--port", "70000"},
                                         {"--port"},
                                         {"--colour", "blue"},
                                         {"--web="}}) {
    const server::CommandLine result = parse(wrong);
    CHECK(result.action == server::CommandLineAction::ShowError);
    CHECK_FALSE(result.error.empty());
  }
}

// [SECTION] The real program

namespace {

enum class ChildStderr { Inherit, Capture };  // Inherit: its log shows with the test's output

// The real safespaces-server, started with `args`. Killed when the test ends, even after
// a failed REQUIRE, so no server outlives its test.
class ChildProcess {
 public:
  ChildProcess(const std::vector<std::string>& args, ChildStderr stderr_mode) {
    int out[2] = {-1, -1}, err[2] = {-1, -1};
    REQUIRE(pipe(out) == 0);
    if (stderr_mode == ChildStderr::Capture) REQUIRE(pipe(err) == 0);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
    posix_spawn_file_actions_addclose(&actions, out[0]);
    if (stderr_mode == ChildStderr::Capture) {
      posix_spawn_file_actions_adddup2(&actions, err[1], STDERR_FILENO);
      posix_spawn_file_actions_addclose(&actions, err[0]);
    }
    std::vector<char*> argv;
    argv.push_back(const_cast<char*>(SAFESPACES_SERVER_BINARY));
    for (const std::string& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
    argv.push_back(nullptr);
    const int spawned = posix_spawn(&pid_, SAFESPACES_SERVER_BINARY, &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    close(out[1]);
    if (err[1] != -1) close(err[1]);
    stdout_fd_ = out[0];
    stderr_fd_ = err[0];
    if (spawned != 0) pid_ = -1;
    REQUIRE(spawned == 0);
  }
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;
  ~ChildProcess() {
    if (pid_ > 0) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
    if (stdout_fd_ != -1) close(stdout_fd_);
    if (stderr_fd_ != -1) close(stderr_fd_);
  }

  void Signal(int signal_number) { REQUIRE(kill(pid_, signal_number) == 0); }

  // One line of its stdout, or what came before the pipe closed or the time ran out.
  std::string ReadLine(std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    std::string line;
    while (std::chrono::steady_clock::now() < deadline) {
      const auto left =
          std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
      pollfd wait{stdout_fd_, POLLIN, 0};
      if (poll(&wait, 1, static_cast<int>(std::max<long>(left.count(), 0))) <= 0) break;
      char c = 0;
      if (read(stdout_fd_, &c, 1) != 1 || c == '\n') break;
      line += c;
    }
    return line;
  }

  // Everything left on stdout or the captured stderr; call after the process has exited.
  std::string RestOfStdout() { return ReadAll(stdout_fd_); }
  std::string Stderr() { return stderr_fd_ == -1 ? std::string() : ReadAll(stderr_fd_); }

  // The exit code, or nullopt if it did not exit in time (it is killed then).
  std::optional<int> WaitForExit(std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    int status = 0;
    while (std::chrono::steady_clock::now() < deadline) {
      if (waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = -1;
        return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
      }
      std::this_thread::sleep_for(10ms);
    }
    return std::nullopt;
  }

 private:
  static std::string ReadAll(int fd) {
    std::string text;
    char buffer[1024];
    for (ssize_t n; (n = read(fd, buffer, sizeof(buffer))) > 0;) text.append(buffer, static_cast<size_t>(n));
    return text;
  }

  pid_t pid_ = -1;
  int stdout_fd_ = -1;
  int stderr_fd_ = -1;
};

int PortFromLine(const std::string& line) {
  const std::string prefix = "Safe Spaces is running on http://127.0.0.1:";
  if (!line.starts_with(prefix) || !line.ends_with("/")) return -1;
  return std::stoi(line.substr(prefix.size()));
}

}  // namespace

TEST_CASE("the program prints its address, answers, and stops cleanly on SIGTERM", "[server][process]") {
  TempDir root;
  WriteFile(root.Path() / "web" / "index.html", FakeIndexHtml());
  ChildProcess server(
      {"--port", "0", "--data", (root.Path() / "data").string(), "--web", (root.Path() / "web").string()},
      ChildStderr::Inherit);
  const std::string line = server.ReadLine(10s);
  INFO("first line: " << line);
  const int port = PortFromLine(line);
  REQUIRE(port > 0);

  httplib::Client client("127.0.0.1", port);
  client.set_keep_alive(true);  // like a browser tab left open: it must not hold the stop up for long
  auto health = client.Get("/api/v1/health");
  REQUIRE(health);
  CHECK(health->status == 200);
  CHECK(nlohmann::json::parse(health->body)["status"] == "ok");

  const auto asked = std::chrono::steady_clock::now();
  server.Signal(SIGTERM);
  const std::optional<int> exit_code = server.WaitForExit(5s);
  REQUIRE(exit_code);
  CHECK(*exit_code == 0);
  CHECK(std::chrono::steady_clock::now() - asked < 4s);  // the idle keep-alive connection lets go within 2 s
  CHECK(server.RestOfStdout().empty());                  // exactly one line on stdout
}

TEST_CASE("a second server on a port that is taken says so and exits, instead of sharing it", "[server][process]") {
  TempDir root;
  ChildProcess first({"--port", "0", "--data", (root.Path() / "one").string()}, ChildStderr::Inherit);
  const int port = PortFromLine(first.ReadLine(10s));
  REQUIRE(port > 0);

  ChildProcess second({"--port", std::to_string(port), "--data", (root.Path() / "two").string()}, ChildStderr::Capture);
  const std::optional<int> exit_code = second.WaitForExit(5s);
  REQUIRE(exit_code);
  CHECK(*exit_code != 0);
  CHECK(second.RestOfStdout().empty());  // never claimed to be running
  CHECK_THAT(second.Stderr(), Catch::Contains("already in use"));

  first.Signal(SIGTERM);
  CHECK(first.WaitForExit(5s) == 0);
}
