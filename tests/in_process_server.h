// A real Safe Spaces server for server_* tests: server::Server in this test process, on a
// free loopback port, with its own temporary data folder; answering health when the
// constructor returns, stopped when destroyed. Tests add files or options, then call it
// through Client() (real HTTP, keep-alive, no Nagle delay).
#pragma once
#include <catch2/catch.hpp>
#include <httplib.h>

#include <chrono>
#include <filesystem>
#include <optional>
#include <thread>

#include "server/server.h"
#include "test_temp_dir.h"

class InProcessServer {
 public:
  // `options.port` and `options.data_dir` are set here; the rest is the test's.
  explicit InProcessServer(server::Options options = {}) {
    using namespace std::chrono_literals;
    options.port = 0;
    options.data_dir = root_.Path() / "data";
    server_.emplace(options);
    std::string error;
    const bool started = server_->Start(error);
    INFO(error);
    REQUIRE(started);
    runner_ = std::thread([this] { server_->Run(); });
    const auto deadline = std::chrono::steady_clock::now() + 5s;
    while (std::chrono::steady_clock::now() < deadline) {
      if (auto res = Client().Get("/api/v1/health"); res && res->status == 200) return;
      std::this_thread::sleep_for(10ms);
    }
    FAIL("the server did not answer within 5 seconds");
  }
  ~InProcessServer() {
    server_->Stop();
    runner_.join();
  }
  InProcessServer(const InProcessServer&) = delete;
  InProcessServer& operator=(const InProcessServer&) = delete;

  httplib::Client Client() const {
    using namespace std::chrono_literals;
    httplib::Client client("127.0.0.1", server_->Port());
    client.set_keep_alive(true);
    client.set_tcp_nodelay(true);  // else Nagle holds each body back ~40 ms (TOOLCHAIN.md)
    client.set_connection_timeout(2s);
    client.set_read_timeout(10s);
    return client;
  }
  int Port() const { return server_->Port(); }
  const std::filesystem::path& DataDir() const { return data_dir_; }

 private:
  TempDir root_;
  std::filesystem::path data_dir_ = root_.Path() / "data";
  std::optional<server::Server> server_;
  std::thread runner_;
};
