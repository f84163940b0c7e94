// ChildProcess: another program run by a test or the benchmark (the real safespaces-server,
// nginx), with its stdout on a pipe and its stderr thrown away (or in a file); killed when
// destroyed.
// Shared by server_crash_test.cpp and bench/sync_bench.cpp; plain C++ and POSIX, no
// Catch2. Start at SafeSpacesServer, which spawns the server and reads its port.
#pragma once
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

extern char** environ;

class ChildProcess {
 public:
  // Runs argv[0] (a path) with the rest as arguments; check Started().
  explicit ChildProcess(const std::vector<std::string>& argv, const std::string& stderr_path = "/dev/null") {
    int out[2] = {-1, -1};
    if (pipe(out) != 0) return;
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
    posix_spawn_file_actions_addclose(&actions, out[0]);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, stderr_path.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    std::vector<char*> args;
    for (const std::string& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
    args.push_back(nullptr);
    const int spawned = posix_spawn(&pid_, args[0], &actions, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    close(out[1]);
    stdout_fd_ = out[0];
    if (spawned != 0) pid_ = -1;
  }
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;
  ~ChildProcess() {
    Kill();
    if (stdout_fd_ >= 0) close(stdout_fd_);
  }

  bool Started() const { return pid_ > 0; }
  pid_t Pid() const { return pid_; }

  // The next line of its stdout, without the newline; "" if it exited or stayed silent
  // until `timeout`.
  std::string ReadLine(std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    std::string line;
    while (std::chrono::steady_clock::now() < deadline) {
      pollfd wait{stdout_fd_, POLLIN, 0};
      if (poll(&wait, 1, 50) <= 0) continue;
      char c = 0;
      if (read(stdout_fd_, &c, 1) != 1) return "";  // it exited
      if (c == '\n') return line;
      line += c;
    }
    return "";
  }

  // SIGKILL, no warning: what a crash or a power cut looks like to the program.
  void Kill() {
    if (pid_ <= 0) return;
    kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
    pid_ = -1;
  }

  // Waits up to `timeout` for it to end by itself: its exit code (128 + the signal's number
  // when a signal ended it), or -1 if it is still running (it is then left running).
  int WaitForExit(std::chrono::milliseconds timeout) {
    if (pid_ <= 0) return -1;
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
      int status = 0;
      if (waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = -1;
        return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
      }
      if (std::chrono::steady_clock::now() > deadline) return -1;
      usleep(5000);
    }
  }

  // SIGTERM, then SIGKILL if it has not exited within `grace`. True if it exited by itself.
  bool Stop(std::chrono::milliseconds grace) {
    if (pid_ <= 0) return true;
    kill(pid_, SIGTERM);
    const auto deadline = std::chrono::steady_clock::now() + grace;
    while (std::chrono::steady_clock::now() < deadline) {
      if (waitpid(pid_, nullptr, WNOHANG) == pid_) {
        pid_ = -1;
        return true;
      }
      usleep(5000);
    }
    Kill();
    return false;
  }

 private:
  pid_t pid_ = -1;
  int stdout_fd_ = -1;
};

// safespaces-server on 127.0.0.1:`port` (0: any free one) with `data_dir`, and `web_dir`
// unless it is empty. Without sync's limits: the programs using it play many phones from one
// address (the limits have their own tests in server_sync_tests).
inline std::vector<std::string> SafeSpacesServerArgs(const std::string& binary, int port,
                                                     const std::filesystem::path& data_dir,
                                                     const std::filesystem::path& web_dir = {}) {
  std::vector<std::string> argv = {binary, "--port", std::to_string(port), "--data", data_dir.string(),
                                   "--no-sync-limits"};
  if (!web_dir.empty()) argv.insert(argv.end(), {"--web", web_dir.string()});
  return argv;
}

// The port from the server's first line, "Safe Spaces is running on http://127.0.0.1:PORT/",
// or -1 if it did not start within `timeout`.
inline int WaitForServerPort(ChildProcess& server, std::chrono::milliseconds timeout) {
  if (!server.Started()) return -1;
  const std::string line = server.ReadLine(timeout);
  const std::string prefix = "Safe Spaces is running on http://127.0.0.1:";
  if (!line.starts_with(prefix)) return -1;
  return std::stoi(line.substr(prefix.size()));
}
