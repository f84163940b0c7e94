// The Safe Spaces server as a library: main.cpp runs it as a program and the server
// tests run it in-process on a free port. Start at Server::Start (data folder, database,
// web files, port), then Run until Stop. The routes are in server.cpp, "[SECTION] Routes".
#pragma once
#include <memory>
#include <string>

#include "server/options.h"

namespace server {

class Server {
 public:
  explicit Server(Options options);
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;
  ~Server();  // closes the database

  // Creates the data folder, opens (and migrates) the database, loads the web client and
  // takes the port. On failure returns false and `error` says why, in plain words.
  bool Start(std::string& error);
  int Port() const;         // the real port once started (useful with port 0)
  std::string Url() const;  // "http://127.0.0.1:8080/"

  // Answers requests until Stop(); false if it had to stop for another reason.
  bool Run();
  // Makes Run() return, from any thread, at any time (also before Run() has begun).
  void Stop();

  struct State;

 private:
  std::unique_ptr<State> state_;
};

}  // namespace server
