// safespaces-server: reads the command line, starts server::Server, and stops it cleanly
// on Ctrl+C or SIGTERM. Everything the server does is in server.cpp; this file only
// wires it to the process (signals, stdout, exit code).
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <thread>

#include "server/log.h"
#include "server/options.h"
#include "server/server.h"

namespace {

enum class ExitCode { Ok = 0, Failed = 1, BadCommandLine = 2 };

// "Safe Spaces cannot write to its data folder /srv/data (permission denied). Give ...":
// what went wrong, where, and what the person running the server can do about it.
std::string CannotWrite(std::string_view what, const std::filesystem::path& where, int error_number) {
  std::string why = std::strerror(error_number);
  if (!why.empty()) why[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(why[0])));
  const bool no_room = error_number == ENOSPC || error_number == EDQUOT || error_number == EFBIG;
  return "Safe Spaces cannot write to its " + std::string(what) + " " + std::filesystem::absolute(where).string() +
         " (" + why + "). " +
         (no_room ? "Free some space on that disk, or choose another folder with --data."
                  : std::string("Give the user that runs the server write access") +
                        (what == "data folder" ? "" : " to it") + ", or choose another folder with --data.");
}

// Whether the server may write its data folder and the database files in it, asked
// before SQLite opens anything: SQLite would quietly open a read-only database for
// reading only, or fail at the first sync with "attempt to write a readonly database".
// A probe file is made and removed; existing files are opened for writing and closed
// unchanged (before SQLite holds any lock that closing them could drop).
std::optional<std::string> DataFolderProblem(const std::filesystem::path& data_dir) {
  std::error_code ec;
  std::filesystem::create_directories(data_dir, ec);
  if (ec) return CannotWrite("data folder", data_dir, ec.value());
  const std::filesystem::path probe = data_dir / ".safespaces-write-test";
  const int probe_fd = open(probe.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (probe_fd < 0) return CannotWrite("data folder", data_dir, errno);
  close(probe_fd);
  unlink(probe.c_str());
  for (const char* name : {"safespaces.db", "safespaces.db-wal", "safespaces.db-shm"}) {
    const std::filesystem::path file = data_dir / name;
    if (!std::filesystem::exists(file, ec)) continue;
    const int fd = open(file.c_str(), O_RDWR | O_CLOEXEC);
    if (fd < 0) return CannotWrite("database", file, errno);
    close(fd);
  }
  return std::nullopt;
}

// Runs the server until a stop signal, or until it stops by itself. The server (and its
// database) is closed when this returns.
ExitCode Serve(const server::Options& options, const sigset_t& stop_signals) {
  if (const std::optional<std::string> problem = DataFolderProblem(options.data_dir)) {
    server::LogLine(*problem);
    return ExitCode::Failed;
  }
  server::Server server(options);
  std::string error;
  if (!server.Start(error)) {
    server::LogLine("Safe Spaces could not start. " + error);
    return ExitCode::Failed;
  }
  // Scripts and tests read the port from this line: print it exactly once, whole.
  std::printf("Safe Spaces is running on %s\n", server.Url().c_str());
  std::fflush(stdout);

  std::atomic<bool> stopped_by_itself{false};
  std::thread signal_waiter([&] {
    int signal_number = 0;
    sigwait(&stop_signals, &signal_number);
    if (!stopped_by_itself)
      server::LogLine(std::string("Stopping (") + (signal_number == SIGINT ? "SIGINT" : "SIGTERM") + ")...");
    server.Stop();
  });
  const bool ran_well = server.Run();
  if (!ran_well) {
    server::LogLine("The server stopped unexpectedly.");
    stopped_by_itself = true;
    pthread_kill(signal_waiter.native_handle(), SIGTERM);  // wake the waiter so it can finish
  }
  signal_waiter.join();
  return ran_well ? ExitCode::Ok : ExitCode::Failed;
}

}  // namespace

int main(int argc, char** argv) {
  const server::CommandLine command_line = server::ParseCommandLine(argc, argv);
  if (command_line.action == server::CommandLineAction::ShowHelp) {
    const std::string_view usage = server::UsageText();
    std::fwrite(usage.data(), 1, usage.size(), stdout);
    return static_cast<int>(ExitCode::Ok);
  }
  if (command_line.action == server::CommandLineAction::ShowError) {
    const std::string_view usage = server::UsageText();
    std::fprintf(stderr, "%s\n\n%.*s", command_line.error.c_str(), static_cast<int>(usage.size()), usage.data());
    return static_cast<int>(ExitCode::BadCommandLine);
  }

  // Block SIGINT and SIGTERM before any thread exists, so every thread inherits the mask
  // and only the waiter in Serve() takes them, with sigwait, at a moment of its choosing.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  // A file-size limit (ulimit -f, RLIMIT_FSIZE) would otherwise kill the server with
  // SIGXFSZ in the middle of a commit. Ignored, the write fails with EFBIG, SQLite rolls
  // the transaction back, and the phones are told the server is out of space: the same
  // as a full disk, which the server survives (tests/server_faults_test.cpp).
  signal(SIGXFSZ, SIG_IGN);

  const ExitCode code = Serve(command_line.options, stop_signals);
  if (code == ExitCode::Ok) server::LogLine("Safe Spaces has stopped. Goodbye.");
  return static_cast<int>(code);
}
