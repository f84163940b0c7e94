// This is the implementation of server.h: the route table, how errors become JSON, the
// request log, and starting and stopping cpp-httplib (0.11.4; see TOOLCHAIN.md "Native").
// Sections: [SECTION] Routes, [SECTION] Errors, [SECTION] Request log,
// [SECTION] Server. A new endpoint is one line in the route table calling a function
// in api.h.
#include "server/server.h"

#include <httplib.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <cstring>
#include <map>
#include <optional>
#include <regex>
#include <thread>
#include <vector>

#include "core/api_error.h"
#include "server/api.h"
#include "server/data_access.h"
#include "server/export_api.h"
#include "server/log.h"
#include "server/officer_api.h"
#include "server/privacy_api.h"
#include "server/responses.h"
#include "server/restore_api.h"
#include "server/review_api.h"
#include "server/session_api.h"
#include "server/session_board_api.h"
#include "server/staff_api.h"
#include "server/sync_api.h"
#include "server/tiles.h"
#include "server/web_files.h"
#include "store/database.h"
#include "store/mbtiles.h"
#include "store/privacy_store.h"

namespace server {
namespace {

constexpr size_t kWorkerThreads = 64;         // one per open connection: DESIGN plans for 64 syncing devices
constexpr size_t kKeepAliveRequests = 10000;  // requests per connection before httplib closes it (its default is 5)
// seconds an idle connection stays open. httplib 0.11.4 notices a stop only between
// requests, so an idle browser tab delays shutdown by up to this long (its default is 5).
constexpr time_t kKeepAliveSeconds = 2;
constexpr size_t kMaxRequestBytes = 4u << 20;  // bytes in a request body; more gets 413
constexpr int kReadConnections = 4;            // read-only database connections for pulls
constexpr std::chrono::minutes kHousekeepingEvery{60};  // how often the retention rules run

using httplib::Request;
using httplib::Response;

// httplib::Server never closes a socket that was bound but never listened on; this does.
// It also listens with a backlog of only 5: when more devices connect at once (a group
// coming back online), the kernel drops the rest of their handshakes, and they wait a
// second to retry or fail (seen in bench/sync_bench.cpp with 64 clients). Calling listen()
// again on the bound socket only changes that number.
class HttpServer final : public httplib::Server {
 public:
  void CloseUnusedListener() {
    const socket_t sock = svr_sock_.exchange(INVALID_SOCKET);
    if (sock != INVALID_SOCKET) ::close(sock);
  }
  void WidenBacklog() {
    const socket_t sock = svr_sock_;
    if (sock != INVALID_SOCKET) ::listen(sock, SOMAXCONN);  // at worst it stays at 5
  }
};

enum class Method { Get, Post, Put, Patch, Delete };

std::string_view MethodName(Method method) {
  switch (method) {
    case Method::Get:
      return "GET";
    case Method::Post:
      return "POST";
    case Method::Put:
      return "PUT";
    case Method::Patch:
      return "PATCH";
    case Method::Delete:
      return "DELETE";
  }
  return "GET";
}

struct ApiRoute {
  Method method;
  std::string pattern;  // a std::regex matched against the whole path
  httplib::Server::Handler handler;
  std::regex matcher = std::regex(pattern);
};

bool IsApiPath(std::string_view path) { return path == "/api" || path.starts_with("/api/"); }

}  // namespace

struct Server::State {
  Options options;
  // Declared before `http`, so they outlive every request (members die in reverse order).
  std::unique_ptr<GroupCommitWriter> writer;  // the only connection that writes
  std::unique_ptr<ReaderPool> readers;
  int schema_version = 0;  // read once at start: migrations only run then
  WebFiles web;
  std::unique_ptr<store::MbTilesReader> tiles;  // null without --tiles
  TileSource tile_source;                       // what /api/v1/config tells the app
  std::string page_policy;                      // the app page's Content-Security-Policy (PagePolicy)
  std::unique_ptr<RestoreGuesses> guesses = std::make_unique<RestoreGuesses>();  // per client address
  std::unique_ptr<StaffLoginTries> login_tries = std::make_unique<StaffLoginTries>();  // per client address
  std::unique_ptr<SessionJoinGuesses> join_guesses = std::make_unique<SessionJoinGuesses>();  // per address and device
  std::unique_ptr<SyncLimits> sync_limits;  // per address and device; null with --no-sync-limits
  std::unique_ptr<EraseTries> erase_tries = std::make_unique<EraseTries>();  // per client address
  // The retention rules (store/privacy_store.h PurgeExpired), at start and every hour.
  std::thread housekeeping;
  std::mutex housekeeping_mutex;
  std::condition_variable housekeeping_wake;
  bool housekeeping_stop = false;  // guarded by housekeeping_mutex
  std::vector<ApiRoute> routes;
  HttpServer http;
  int port = 0;
  bool bound = false;
  std::atomic<bool> run_started{false};
  std::atomic<bool> run_finished{false};
  std::atomic<bool> stop_requested{false};
};

namespace {

// [SECTION] Routes
// Short lambdas calling plain functions (api.h). Anything under /api/ that is not here
// is a JSON 404 (or 405 when the address exists for another method).

std::optional<std::string> Param(const Request& req, const char* name) {
  if (!req.has_param(name)) return std::nullopt;
  return req.get_param_value(name);
}

std::int64_t UnixNow() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

// Who is asking, for the rate limits only (never stored or logged): the peer's address, or
// behind a trusted reverse proxy the address the proxy saw. A forged header without
// --trust-proxy changes nothing; a silly one is cut short so it cannot grow the limit's map.
std::string ClientAddress(const Server::State& s, const Request& req) {
  if (s.options.trust_proxy) {
    std::string forwarded = req.get_header_value("X-Real-IP");
    if (!forwarded.empty()) return forwarded.substr(0, 64);
  }
  return req.remote_addr;
}

// The error, if there is one, as JSON with the status core::HttpStatusFor gives it.
bool SentError(Response& res, const std::optional<core::ApiError>& error) {
  const store::StorageFault fault = TakeStorageFault();  // this request's failed write, if the disk was why
  if (!error) return false;
  core::ApiError shown = *error;
  if (shown.code == core::ErrorCode::Internal && fault != store::StorageFault::None)
    shown = fault == store::StorageFault::Full ? core::ServerStorageFull() : core::ServerCannotSave();  // 503, in words
  res.status = core::HttpStatusFor(shown.code);
  if (res.status == 429) res.set_header("Retry-After", "60");  // seconds; every limit's window is a minute or more
  SendJson(res, core::ErrorToJson(shown));
  return true;
}

// A POST's body must say it is JSON (an import's may say CSV or GeoJSON): a page on another
// site can make a browser post text/plain or form data here without asking first (no CORS
// preflight), never application/json. An empty body needs no type. True when refused (415).
bool SentBodyTypeError(const Request& req, Response& res) {
  if (req.body.empty() && req.files.empty()) return false;
  std::string type = req.get_header_value("Content-Type");
  type = type.substr(0, type.find(';'));
  while (!type.empty() && type.back() == ' ') type.pop_back();
  for (char& c : type) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (type == "application/json") return false;
  if (req.path == "/api/v1/import" && (type == "text/csv" || type == "application/geo+json")) return false;
  return SentError(res, core::ApiError{core::ErrorCode::UnsupportedMediaType,
                                       "Please send this as JSON (Content-Type: application/json).", "Content-Type"});
}

// An endpoint's JSON (gzipped when the client takes it), or its error.
void Send(const Request& req, Response& res, Reply answer) {
  if (!SentError(res, answer.error)) SendJson(req, res, std::move(answer.json));
}

// A file answer (CSV, HTML, PNG), never cached; or its error.
void SendFile(Response& res, FileReply answer) {
  if (SentError(res, answer.error)) return;
  res.set_header("Cache-Control", "no-store");
  if (!answer.download_name.empty())
    res.set_header("Content-Disposition", "attachment; filename=\"" + answer.download_name + "\"");
  // A page made from young people's words: it may show them, never run anything.
  if (answer.content_type.starts_with("text/html"))
    res.set_header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
  SendBytes(res, std::make_shared<const std::string>(std::move(answer.bytes)), answer.content_type);
}

void ServeWebClient(const Server::State& s, const Request& req, Response& res, const std::string& path);

std::vector<ApiRoute> MakeApiRoutes(const Server::State& s) {
  return {
      {Method::Get, "/api/v1/health",
       [&s](const Request&, Response& res) { SendJson(res, HealthJson(s.schema_version)); }},
      {Method::Get, "/api/v1/config",
       [&s](const Request&, Response& res) {
         SendJson(res, ConfigJson(s.tile_source, core::DefaultServiceArea()));
       }},
      {Method::Get, "/api/v1/places",
       [&s](const Request& req, Response& res) {
         Send(req, res, GetPlaces(*s.readers, Param(req, "since"), Param(req, "limit")));
       }},
      {Method::Post, "/api/v1/sync",
       [&s](const Request& req, Response& res) {
         Send(req, res, PostSync(*s.writer, *s.readers, req.body, UnixNow(), s.sync_limits.get(), ClientAddress(s, req)));
       }},
      {Method::Post, "/api/v1/restore",
       [&s](const Request& req, Response& res) {
         Send(req, res, PostRestore(*s.readers, *s.guesses, ClientAddress(s, req), req.body, UnixNow()));
       }},
      // "Delete everything I sent", from the app's privacy page.
      {Method::Post, "/api/v1/device/erase",
       [&s](const Request& req, Response& res) {
         Send(req, res, PostDeviceErase(*s.writer, *s.erase_tries, ClientAddress(s, req), req.body, UnixNow()));
       }},
      {Method::Post, "/api/v1/restore-code",
       [&s](const Request& req, Response& res) { Send(req, res, PostRestoreCode(*s.writer, req.body, UnixNow())); }},
      // Staff (officers, youth workers): every staff endpoint starts with RequireStaff.
      {Method::Post, "/api/v1/staff/login",
       [&s](const Request& req, Response& res) {
         Send(req, res, PostStaffLogin(*s.writer, *s.readers, *s.login_tries, ClientAddress(s, req), req.body, UnixNow()));
       }},
      {Method::Post, "/api/v1/staff/logout",
       [&s](const Request& req, Response& res) {
         Send(req, res, PostStaffLogout(*s.writer, *s.readers, req.get_header_value("Authorization"), UnixNow()));
       }},
      {Method::Get, "/api/v1/staff/me",
       [&s](const Request& req, Response& res) {
         Send(req, res, GetStaffMe(*s.readers, req.get_header_value("Authorization"), UnixNow()));
       }},
      // Co-production sessions: staff start and run them, young people join by room code.
      {Method::Post, "/api/v1/sessions",
       [&s](const Request& req, Response& res) {
         Send(req, res, PostSession(*s.writer, *s.readers, req.get_header_value("Authorization"), req.body, UnixNow()));
       }},
      {Method::Post, "/api/v1/sessions/join",
       [&s](const Request& req, Response& res) {
         Send(req, res, PostSessionJoin(*s.writer, *s.join_guesses, ClientAddress(s, req), req.body, UnixNow()));
       }},
      {Method::Post, "/api/v1/sessions/leave",
       [&s](const Request& req, Response& res) { Send(req, res, PostSessionLeave(*s.writer, req.body, UnixNow())); }},
      {Method::Post, "/api/v1/sessions/status",
       [&s](const Request& req, Response& res) { Send(req, res, PostSessionStatus(*s.readers, req.body)); }},
      {Method::Get, "/api/v1/sessions",
       [&s](const Request& req, Response& res) {
         Send(req, res, GetSessions(*s.readers, req.get_header_value("Authorization"), UnixNow()));
       }},
      {Method::Get, "/api/v1/sessions/([^/]+)/board",
       [&s](const Request& req, Response& res) {
         Send(req, res,
              GetSessionBoard(*s.readers, req.get_header_value("Authorization"), req.matches[1], Param(req, "since"),
                              UnixNow()));
       }},
      {Method::Post, "/api/v1/sessions/([^/]+)/hide",
       [&s](const Request& req, Response& res) {
         Send(req, res,
              PostSessionHide(*s.writer, *s.readers, req.get_header_value("Authorization"), req.matches[1], req.body,
                              UnixNow()));
       }},
      {Method::Get, R"(/api/v1/sessions/([^/]+)/summary(\.csv|\.html)?)",
       [&s](const Request& req, Response& res) {
         const std::string suffix = req.matches[2];
         const SummaryFormat format = suffix == ".csv"    ? SummaryFormat::Csv
                                      : suffix == ".html" ? SummaryFormat::Html
                                                          : SummaryFormat::Json;
         SendFile(res, GetSessionSummary(*s.readers, req.get_header_value("Authorization"), req.matches[1], format,
                                         UnixNow()));
       }},
      {Method::Post, "/api/v1/sessions/([^/]+)/state",
       [&s](const Request& req, Response& res) {
         Send(req, res,
              PostSessionState(*s.writer, *s.readers, req.get_header_value("Authorization"), req.matches[1], req.body,
                               UnixNow()));
       }},
      {Method::Get, "/api/v1/sessions/([^/]+)",
       [&s](const Request& req, Response& res) {
         Send(req, res, GetSession(*s.readers, req.get_header_value("Authorization"), req.matches[1], UnixNow()));
       }},
      // Officers' exports of the approved map and import of a council's list (issue 8, F).
      {Method::Get, R"(/api/v1/export/places\.(csv|geojson|openreferral\.json))",
       [&s](const Request& req, Response& res) {
         const std::string suffix = req.matches[1];
         const core::ExportFormat format = suffix == "csv"       ? core::ExportFormat::Csv
                                           : suffix == "geojson" ? core::ExportFormat::GeoJson
                                                                 : core::ExportFormat::OpenReferral;
         SendFile(res, GetPlacesExport(*s.writer, *s.readers, req.get_header_value("Authorization"), format,
                                       UnixNow()));
       }},
      {Method::Post, "/api/v1/import",
       [&s](const Request& req, Response& res) {
         Send(req, res,
              PostImport(*s.writer, *s.readers, req.get_header_value("Authorization"),
                         req.get_header_value("Content-Type"), req.body, UnixNow()));
       }},
      // Officers' review (issue 8): the queue and its actions, undo, the scheme, the audit
      // log, the city picture and staff accounts. Every one starts with RequireOfficer.
      {Method::Get, "/api/v1/review/queue",
       [&s](const Request& req, Response& res) {
         const QueueQuery query{Param(req, "kind"),    Param(req, "category"), Param(req, "session"),
                                Param(req, "flagged"), Param(req, "area"),     Param(req, "limit")};
         Send(req, res, GetReviewQueue(*s.readers, req.get_header_value("Authorization"), query, UnixNow()));
       }},
      {Method::Post, "/api/v1/review/suggestions/([^/]+)/(approve|reject|merge)",
       [&s](const Request& req, Response& res) {
         const std::string verb = req.matches[2];
         const SuggestionAction action = verb == "approve"  ? SuggestionAction::Approve
                                         : verb == "reject" ? SuggestionAction::Reject
                                                            : SuggestionAction::Merge;
         Send(req, res,
              PostReviewSuggestion(*s.writer, *s.readers, req.get_header_value("Authorization"), req.matches[1], action,
                                   req.body, UnixNow()));
       }},
      {Method::Post, "/api/v1/review/comments/([^/]+)/(approve|hide)",
       [&s](const Request& req, Response& res) {
         const store::CommentLook look = req.matches[2] == "approve" ? store::CommentLook::Approve : store::CommentLook::Hide;
         Send(req, res,
              PostReviewComment(*s.writer, *s.readers, req.get_header_value("Authorization"), req.matches[1], look,
                                UnixNow()));
       }},
      {Method::Post, "/api/v1/review/undo",
       [&s](const Request& req, Response& res) {
         Send(req, res, PostReviewUndo(*s.writer, *s.readers, req.get_header_value("Authorization"), UnixNow()));
       }},
      {Method::Get, "/api/v1/review/places",
       [&s](const Request& req, Response& res) {
         Send(req, res,
              GetReviewPlaces(*s.readers, req.get_header_value("Authorization"), Param(req, "search"), Param(req, "due"),
                              UnixNow()));
       }},
      {Method::Post, "/api/v1/places/([^/]+)/scheme",
       [&s](const Request& req, Response& res) {
         Send(req, res,
              PostPlaceScheme(*s.writer, *s.readers, req.get_header_value("Authorization"), req.matches[1], req.body,
                              UnixNow()));
       }},
      {Method::Get, "/api/v1/audit",
       [&s](const Request& req, Response& res) {
         Send(req, res, GetAudit(*s.readers, req.get_header_value("Authorization"), Param(req, "limit"), UnixNow()));
       }},
      {Method::Get, R"(/api/v1/audit\.csv)",
       [&s](const Request& req, Response& res) {
         SendFile(res, GetAuditCsv(*s.readers, req.get_header_value("Authorization"), UnixNow()));
       }},
      {Method::Get, "/api/v1/stats",
       [&s](const Request& req, Response& res) {
         Send(req, res, GetStats(*s.readers, req.get_header_value("Authorization"), UnixNow()));
       }},
      {Method::Get, "/api/v1/staff",
       [&s](const Request& req, Response& res) {
         Send(req, res, GetStaffList(*s.readers, req.get_header_value("Authorization"), UnixNow()));
       }},
      {Method::Post, "/api/v1/staff",
       [&s](const Request& req, Response& res) {
         Send(req, res, PostStaff(*s.writer, *s.readers, req.get_header_value("Authorization"), req.body, UnixNow()));
       }},
      {Method::Post, "/api/v1/staff/([^/]+)/active",
       [&s](const Request& req, Response& res) {
         Send(req, res,
              PostStaffActive(*s.writer, *s.readers, req.get_header_value("Authorization"), req.matches[1], req.body,
                              UnixNow()));
       }},
      // Joining a session by its link or QR code (not the API, but errors are JSON).
      {Method::Get, R"(/join-qr/([^/]*)\.png)",
       [&s](const Request& req, Response& res) {
         SendFile(res, GetJoinQr(req.matches[1].str(), s.options.public_url, req.get_header_value("Host")));
       }},
      {Method::Get, "/join/([^/]+)",
       [&s](const Request& req, Response& res) { ServeWebClient(s, req, res, "/index.html"); }},
      // Map tiles (not the API: errors are plain text). Any z/x/y reaches ServeTile, which
      // answers 400 to what is not a tile's address.
      {Method::Get, R"(/tiles/([^/]*)/([^/]*)/([^/]*)\.png)",
       [&s](const Request& req, Response& res) { ServeTile(s.tiles.get(), req, res); }},
  };
}

// Everything else that is not the API is the web client: the file at `path` (a join link
// is the app's page, which reads the code from the address).
void ServeWebClient(const Server::State& s, const Request& req, Response& res, const std::string& path) {
  if (IsApiPath(path)) {
    res.status = 404;  // the error handler writes the JSON
    return;
  }
  if (s.options.web_dir.empty() && (path == "/" || path == "/index.html")) {
    res.status = 404;
    SendText(res,
             "The Safe Spaces server is running, but it was started without the web app.\n"
             "Start it with --web DIR (the built web client) to use the app here.\n");
    return;
  }
  ServeWebFile(s.web, path, req, res);
}

// [SECTION] Errors
// Every error a client can meet gets its words here and its status from
// core::HttpStatusFor; JSON under /api/, a line of plain text elsewhere.

core::ApiError ErrorForStatus(int status) {
  using core::ErrorCode;
  switch (status) {
    case 404:
      return {ErrorCode::NotFound, "There is nothing at this address. Please check it and try again.", ""};
    case 405:
      return {ErrorCode::MethodNotAllowed, "This address does not take that kind of request.", ""};
    case 413:
      return {ErrorCode::PayloadTooLarge, "That is too much to send at once. Please send less.", ""};
    case 414:
      return {ErrorCode::BadRequest, "That address is too long.", ""};
    default:
      break;
  }
  if (status >= 500)
    return core::OurFault();
  return {ErrorCode::BadRequest, "We could not understand that request.", ""};
}

// "GET, POST" when `path` is an API address for other methods; empty when it is not one.
std::string AllowedMethods(const std::vector<ApiRoute>& routes, const std::string& path) {
  std::string allowed;
  for (const ApiRoute& route : routes) {
    if (!std::regex_match(path, route.matcher)) continue;
    if (!allowed.empty()) allowed += ", ";
    allowed += MethodName(route.method);
  }
  return allowed;
}

httplib::Server::HandlerResponse WriteErrorBody(const Server::State& s, const Request& req, Response& res) {
  // A handler that wrote its own error (say a 422 naming the field) keeps it; a 416 has
  // no body by design.
  if (!res.body.empty() || res.content_provider_ || res.status == 416)
    return httplib::Server::HandlerResponse::Unhandled;
  core::ApiError error = ErrorForStatus(res.status);
  if (error.code == core::ErrorCode::NotFound && IsApiPath(req.path)) {
    const std::string allowed = AllowedMethods(s.routes, req.path);
    if (!allowed.empty()) {
      error = ErrorForStatus(405);
      res.set_header("Allow", allowed);
    }
  }
  res.status = core::HttpStatusFor(error.code);
  // No path: the request line itself could not be read (over 8 KB), so it may be the API's.
  if (IsApiPath(req.path) || req.path.empty())
    SendJson(res, core::ErrorToJson(error));
  else
    SendText(res, error.message + "\n");
  return httplib::Server::HandlerResponse::Handled;
}

std::string DescribeException(const std::exception_ptr& thrown) {
  try {
    std::rethrow_exception(thrown);
  } catch (const std::exception& e) {
    return e.what();
  } catch (...) {
    return "an exception that is not a std::exception";
  }
}

// [SECTION] Request log
// One line per request: time, method, path, status, bytes, duration. Never the query
// string, the IP address or the user agent (children's privacy).

// httplib 0.11.4 gives no request start time. Each request is handled from routing to
// log on one worker thread, so the pre-routing hook stamps the start here.
thread_local std::chrono::steady_clock::time_point t_request_started{};

void LogRequest(const Request& req, const Response& res) {
  double millis = 0.0;
  if (t_request_started != std::chrono::steady_clock::time_point{}) {
    millis = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t_request_started).count();
    t_request_started = {};  // a request httplib rejects before routing logs 0 ms, not a stale time
  }
  const std::string bytes = req.method == "HEAD" ? "0" : res.get_header_value("Content-Length");
  char line[64];
  std::snprintf(line, sizeof(line), " %d %s bytes %.1f ms", res.status, bytes.empty() ? "0" : bytes.c_str(), millis);
  LogLine((req.method.empty() ? std::string("-") : LogSafe(req.method)) + " " +
          (req.path.empty() ? std::string("-") : LogSafe(req.path)) + line);
}

// [SECTION] Server

// A request with neither Content-Length nor Transfer-Encoding has an empty body (RFC 9112,
// 6.3), but httplib 0.11.4 waits for more of a POST, PUT, PATCH or DELETE until the
// client hangs up or 5 s pass, then answers 400. Writing the zero down makes it read
// nothing. The Request is httplib's own non-const object, handed to this hook as const.
void SayEmptyBodyIsEmpty(const Request& req) {
  if (req.has_header("Content-Length") || req.has_header("Transfer-Encoding")) return;
  if (req.method == "POST" || req.method == "PUT" || req.method == "PATCH" || req.method == "DELETE")
    const_cast<Request&>(req).set_header("Content-Length", "0");
}

// "https://tile.openstreetmap.org" for an absolute http(s) address; "" for one on this site.
std::string OriginOf(const std::string& url) {
  const std::size_t scheme = url.find("://");
  if (scheme == std::string::npos || (url.compare(0, scheme, "https") != 0 && url.compare(0, scheme, "http") != 0))
    return {};
  const std::size_t path = url.find('/', scheme + 3);
  return url.substr(0, path);
}

// The Content-Security-Policy of the app's page: only our own scripts (and compiling our own
// WebAssembly), requests to this site and to the map's tile server, no frames around it, no
// plugins, no forms. Inline styles are allowed for the printable summary the app opens as a
// page of its own (a blob: page keeps this policy); never inline scripts.
std::string PagePolicy(const TileSource& tiles) {
  std::string sources = "'self'";
  if (const std::string tile_origin = OriginOf(tiles.url); !tile_origin.empty()) sources += " " + tile_origin;
  return "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; connect-src " + sources + "; img-src " + sources +
         " data: blob:; style-src 'self' 'unsafe-inline'; font-src 'self'; worker-src 'self'; manifest-src 'self'; "
         "object-src 'none'; base-uri 'self'; form-action 'none'; frame-ancestors 'none'";
}

void Configure(Server::State& s) {
  httplib::Server& http = s.http;
  // Nagle's algorithm meets delayed ACKs without this: about 300 requests/s instead of 40,000.
  http.set_tcp_nodelay(true);
  // httplib's default sets SO_REUSEPORT, which lets a second server take the same port
  // silently. SO_REUSEADDR only allows a quick restart after a stop.
  http.set_socket_options([](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
  });
  http.new_task_queue = [] { return new httplib::ThreadPool(kWorkerThreads); };
  http.set_keep_alive_max_count(kKeepAliveRequests);
  http.set_keep_alive_timeout(kKeepAliveSeconds);
  http.set_payload_max_length(kMaxRequestBytes);

  for (const ApiRoute& route : s.routes) {
    switch (route.method) {
      case Method::Get:
        http.Get(route.pattern, route.handler);
        break;
      case Method::Post:
        http.Post(route.pattern, [&route](const Request& req, Response& res) {
          if (!SentBodyTypeError(req, res)) route.handler(req, res);
        });
        break;
      case Method::Put:
        http.Put(route.pattern, route.handler);
        break;
      case Method::Patch:
        http.Patch(route.pattern, route.handler);
        break;
      case Method::Delete:
        http.Delete(route.pattern, route.handler);
        break;
    }
  }
  http.Get(".*", [&s](const Request& req, Response& res) { ServeWebClient(s, req, res, req.path); });

  http.set_pre_routing_handler([](const Request& req, Response&) {
    t_request_started = std::chrono::steady_clock::now();
    (void)TakeStorageFault();  // a fault noted for an earlier request on this thread is not this one's
    SayEmptyBodyIsEmpty(req);
    return httplib::Server::HandlerResponse::Unhandled;
  });
  http.set_error_handler(httplib::Server::HandlerWithResponse(
      [&s](const Request& req, Response& res) { return WriteErrorBody(s, req, res); }));
  http.set_exception_handler([&s](const Request& req, Response& res, std::exception_ptr thrown) {
    LogLine("error: " + LogSafe(req.method) + " " + LogSafe(req.path) + " failed: " + DescribeException(thrown));
    res = Response();
    res.status = 500;
    WriteErrorBody(s, req, res);
  });
  http.set_post_routing_handler([&s](const Request&, Response& res) {
    // On every answer, errors too: no guessing of types, no framing, no full addresses
    // sent to other sites (the tile server still learns which site asks, as its rules want).
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_header("X-Frame-Options", "DENY");
    res.set_header("Referrer-Policy", "strict-origin-when-cross-origin");
    if (res.get_header_value("Content-Type").rfind("text/html", 0) == 0 && !res.has_header("Content-Security-Policy"))
      res.set_header("Content-Security-Policy", s.page_policy);
  });
  http.set_logger([](const Request& req, const Response& res) { LogRequest(req, res); });
}

std::string BindError(const Options& options, int bind_errno) {
  const std::string port = std::to_string(options.port);
  if (bind_errno == EADDRINUSE)
    return "Port " + port +
           " is already in use: another program (maybe another Safe Spaces server) "
           "has it. Stop that program, or choose another port with --port.";
  if (bind_errno == EACCES)
    return "This computer does not allow us to use port " + port +
           ". Choose another port with --port "
           "(for example 8080).";
  return "Could not listen on " + options.host + " port " + port +
         (bind_errno ? std::string(" (") + std::strerror(bind_errno) + ")" : std::string()) +
         ". Check that --host is an address of this computer.";
}

// [SECTION] Housekeeping

void ApplyRetention(Server::State& s) {
  std::optional<store::PurgeReport> report;
  std::string error;
  const bool committed = s.writer->Run([&](store::ServerStore& store) {
    report = store::PurgeExpired(store, UnixNow(), s.options.keep_rejected_days, error);
    return report.has_value();
  });
  if (!committed || !report) {
    LogLine("error: the retention rules could not run this time: " + error);
  } else if (report->Any()) {
    LogLine("privacy: retention deleted " + std::to_string(report->rejected_places) +
            " suggestions not added (or their words), the words of " + std::to_string(report->hidden_comments) +
            " hidden and " + std::to_string(report->withdrawn_words) + " withdrawn comments, and " +
            std::to_string(report->staff_logins) + " ended staff logins");
  }
}

void Housekeeping(Server::State& s) {
  std::unique_lock lock(s.housekeeping_mutex);
  do {
    lock.unlock();
    ApplyRetention(s);
    lock.lock();
  } while (!s.housekeeping_wake.wait_for(lock, kHousekeepingEvery, [&s] { return s.housekeeping_stop; }));
}

void StopHousekeeping(Server::State& s) {
  if (!s.housekeeping.joinable()) return;
  {
    const std::lock_guard lock(s.housekeeping_mutex);
    s.housekeeping_stop = true;
  }
  s.housekeeping_wake.notify_all();
  s.housekeeping.join();
}

}  // namespace

Server::Server(Options options) : state_(std::make_unique<State>()) {
  state_->options = std::move(options);
  if (state_->options.sync_limits) state_->sync_limits = std::make_unique<SyncLimits>();
}

Server::~Server() {
  StopHousekeeping(*state_);  // before the writer it uses goes
  if (state_->bound && !state_->run_started) state_->http.CloseUnusedListener();
}

bool Server::Start(std::string& error) {
  State& s = *state_;
  // httplib 0.11.4 writes to sockets without MSG_NOSIGNAL: a client hanging up mid-answer
  // would otherwise kill the whole server with SIGPIPE.
  std::signal(SIGPIPE, SIG_IGN);

  std::error_code ec;
  std::filesystem::create_directories(s.options.data_dir / "uploads", ec);
  if (ec) {
    error = "Could not create the data folder " + s.options.data_dir.string() + ": " + ec.message();
    return false;
  }
  // FULL: "accepted" is only said after COMMIT, and then it survives even a power cut.
  // Group commit (data_access.h) makes that nearly free.
  const std::filesystem::path database_path = s.options.data_dir / "safespaces.db";
  store::OpenOptions open_options;
  open_options.durability = store::Durability::Full;
  std::optional<store::Database> database = store::Database::Open(database_path.string(), error, open_options);
  if (!database) return false;
  s.schema_version = database->SchemaVersion();
  s.writer = GroupCommitWriter::Start(std::move(*database), error);
  if (!s.writer) return false;
  s.readers = std::make_unique<ReaderPool>(database_path, kReadConnections);
  if (!s.options.log_dir.empty() && !StartLogFiles(s.options.log_dir, s.options.log_days, error)) return false;
  s.housekeeping = std::thread([&s] { Housekeeping(s); });

  if (!s.options.web_dir.empty()) {
    std::optional<WebFiles> web = LoadWebFiles(s.options.web_dir, error);
    if (!web) return false;
    s.web = std::move(*web);
    if (!s.web.by_path.contains("/index.html"))
      LogLine("warning: the web folder " + s.options.web_dir.string() + " has no index.html.");
  }

  if (!s.options.tiles_file.empty()) {
    s.tiles = store::MbTilesReader::Open(s.options.tiles_file.string(), error);
    if (!s.tiles) return false;
    const std::map<std::string, std::string> metadata = s.tiles->Metadata();
    const auto name = metadata.find("name");
    LogLine("Map tiles from " + s.options.tiles_file.string() +
            (name == metadata.end() ? std::string() : " (" + LogSafe(name->second) + ")"));
    const auto attribution = metadata.find("attribution");
    s.tile_source.url = "/tiles/{z}/{x}/{y}.png";
    s.tile_source.attribution = attribution == metadata.end() ? std::string("Map tiles") : attribution->second;
    ReadTileCoverage(metadata, s.tile_source);
  } else {
    s.tile_source.url = kOsmTileUrl;
    s.tile_source.attribution = kOsmAttribution;
  }
  // What the council chose wins over both defaults (and its coverage is not known: all of it).
  if (!s.options.tile_url.empty()) s.tile_source = TileSource{.url = s.options.tile_url};
  if (!s.options.tile_attribution.empty()) s.tile_source.attribution = s.options.tile_attribution;

  s.page_policy = PagePolicy(s.tile_source);
  s.routes = MakeApiRoutes(s);
  Configure(s);

  errno = 0;
  if (s.options.port == 0) {
    s.port = s.http.bind_to_any_port(s.options.host);
    s.bound = s.port > 0;
  } else {
    s.bound = s.http.bind_to_port(s.options.host, s.options.port);
    s.port = s.options.port;
  }
  if (!s.bound) {
    error = BindError(s.options, errno);
    return false;
  }
  s.http.WidenBacklog();
  return true;
}

int Server::Port() const { return state_->port; }

std::string Server::Url() const {
  const std::string& host = state_->options.host;
  const bool ipv6 = host.find(':') != std::string::npos;
  return "http://" + (ipv6 ? "[" + host + "]" : host) + ":" + std::to_string(state_->port) + "/";
}

bool Server::Run() {
  State& s = *state_;
  s.run_started = true;
  bool ok = true;
  if (!s.stop_requested && s.bound) ok = s.http.listen_after_bind();
  s.run_finished = true;
  return ok || s.stop_requested;
}

void Server::Stop() {
  State& s = *state_;
  if (s.stop_requested.exchange(true)) return;
  if (!s.run_started) return;  // Run() has not begun; it will see stop_requested and return
  // Run() has begun but httplib may not be listening yet: its stop() does nothing then.
  while (!s.http.is_running() && !s.run_finished) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  s.http.stop();
}

}  // namespace server
