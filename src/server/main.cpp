// safespaces-server: reads the command line, starts server::Server, and stops it cleanly
// on Ctrl+C or SIGTERM. Everything the server does is in server.cpp; this file only
// wires it to the process (signals, stdout, exit code).
#include <pthread.h>
#include <signal.h>

#include <atomic>
#include <cstdio>
#include <string>
#include <string_view>
#include <thread>

#include "server/log.h"
#include "server/options.h"
#include "server/server.h"

namespace {

enum class ExitCode { Ok = 0, Failed = 1, BadCommandLine = 2 };

// Runs the server until a stop signal, or until it stops by itself. The server (and its
// database) is closed when this returns.
ExitCode Serve(const server::Options& options, const sigset_t& stop_signals) {
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

  const ExitCode code = Serve(command_line.options, stop_signals);
  if (code == ExitCode::Ok) server::LogLine("Safe Spaces has stopped. Goodbye.");
  return static_cast<int>(code);
}
