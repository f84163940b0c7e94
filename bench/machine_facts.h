// What machine a benchmark ran on, printed beside its figures so they can be compared:
// the CPU, the kernel and the load average; and what a process (the server) used: its
// memory and CPU time (Linux /proc). Shared by the benchmark programs.
#pragma once
#include <sys/types.h>
#include <sys/utsname.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <mutex>
#include <sstream>
#include <string>
#include <string_view>
#include <thread>

inline std::string CpuModel() {
  std::ifstream cpuinfo("/proc/cpuinfo");
  std::string line;
  while (std::getline(cpuinfo, line))
    if (line.starts_with("model name")) return line.substr(line.find(':') + 2);
  return "unknown CPU";
}

inline std::string LoadAverage() {
  std::ifstream loadavg("/proc/loadavg");
  std::string one, five, fifteen;
  loadavg >> one >> five >> fifteen;
  return one + " " + five + " " + fifteen;
}

inline std::string Kernel() {
  utsname name{};
  uname(&name);
  return std::string(name.sysname) + " " + name.release;
}

// A process's memory from /proc/PID/status, in MB: "VmHWM" (peak resident), "RssAnon"
// (its own heap and stacks), "RssFile" (mapped files: the program, its libraries and,
// for the server, the database pages its readers map). -1 if unknown.
inline double StatusMb(pid_t pid, std::string_view field) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(status, line))
    if (line.starts_with(field) && line.size() > field.size() && line[field.size()] == ':')
      return std::stod(line.substr(field.size() + 1)) / 1024.0;
  return -1;
}

// The most of a process's own memory (RssAnon) and of its mapped files (RssFile) seen
// while it runs, sampled every 20 ms by a thread of its own. VmHWM, the kernel's peak
// resident size, adds the two, and the server's mapped files count each database page once
// for each reader that maps it (4 readers, up to 256 MB each): pages the system shares and
// can take back. At 10,000 places VmHWM said 165 MB when its own memory was 33 MB.
class MemoryWatch {
 public:
  explicit MemoryWatch(pid_t pid)
      : thread_([this, pid] {
          while (!stop_.load()) {
            const double anon = StatusMb(pid, "RssAnon"), file = StatusMb(pid, "RssFile");
            {
              std::lock_guard lock(mutex_);
              own_mb_ = std::max(own_mb_, anon);
              files_mb_ = std::max(files_mb_, file);
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
          }
        }) {}
  ~MemoryWatch() { Stop(); }
  MemoryWatch(const MemoryWatch&) = delete;
  MemoryWatch& operator=(const MemoryWatch&) = delete;

  void Stop() {
    stop_ = true;
    if (thread_.joinable()) thread_.join();
  }
  double OwnPeakMb() {
    std::lock_guard lock(mutex_);
    return own_mb_;
  }
  double FilesPeakMb() {
    std::lock_guard lock(mutex_);
    return files_mb_;
  }

 private:
  std::atomic<bool> stop_{false};
  std::mutex mutex_;
  double own_mb_ = 0.0, files_mb_ = 0.0;
  std::thread thread_;  // last: it starts once the rest is made
};

// CPU time a process has used so far (all its threads, user + system), in microseconds.
// Busy neighbours change throughput far more than they change this, so the table shows it.
inline double ProcessCpuMicros(pid_t pid) {
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  std::string text((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
  std::istringstream fields(text.substr(text.rfind(')') + 2));  // after "pid (name) "
  std::string field;
  double ticks = 0;
  for (int i = 3; i <= 15 && fields >> field; ++i)
    if (i == 14 || i == 15) ticks += std::atof(field.c_str());  // utime, stime
  return ticks * 1e6 / static_cast<double>(sysconf(_SC_CLK_TCK));
}
