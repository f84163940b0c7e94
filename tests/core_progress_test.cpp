// Tests of core/progress: the rules of the game. Each badge is earned with the fewest events
// its rule needs and not with one fewer; points cannot be farmed; what is withdrawn or not
// added quietly stops counting; the same events in any order give the same progress; and the
// words a young person reads are short and never hurry them. Start with the badge table.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <climits>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "core/progress.h"
#include "core_samples.h"

namespace {

using core::Answer;
using core::Category;
using core::Facility;
using core::IndexOf;
using core::Progress;
using core::ProgressEvent;
using core::Scale;
using Kind = core::ProgressEventKind;
using Events = std::vector<ProgressEvent>;

std::string Id(std::string_view prefix, int n) { return std::string(prefix) + "-" + std::to_string(1000 + n); }

// A rating that answers one question ("I felt welcome": 4 faces), so it is not empty.
ProgressEvent Rated(std::string_view id, std::string_view place, Category category, std::string_view month) {
  ProgressEvent event;
  event.kind = Kind::Rated;
  event.item_id = id;
  event.place_id = place;
  event.category = category;
  event.month = month;
  event.scales[IndexOf(Scale::Welcome)] = 4;
  return event;
}

ProgressEvent Suggested(std::string_view id, std::string_view month, Category category = Category::Other) {
  ProgressEvent event;
  event.kind = Kind::Suggested;
  event.item_id = id;
  event.place_id = id;
  event.category = category;
  event.month = month;
  return event;
}

ProgressEvent About(Kind kind, std::string_view id, std::string_view month) {
  ProgressEvent event;
  event.kind = kind;
  event.item_id = id;
  event.month = month;
  return event;
}

ProgressEvent Approved(std::string_view id, std::string_view month, bool first_in_area = false) {
  ProgressEvent event = About(Kind::SuggestionApproved, id, month);
  event.first_in_area = first_in_area;
  return event;
}

// `count` ratings, each of its own place, all in May 2024.
Events Ratings(std::string_view prefix, int count, Category category = Category::Other) {
  Events events;
  for (int i = 0; i < count; ++i)
    events.push_back(Rated(Id(prefix, i), Id("place-" + std::string(prefix), i), category, "2024-05"));
  return events;
}

const core::BadgeProgress& BadgeOf(const Progress& progress, std::string_view id) {
  const auto it = std::find_if(progress.badges.begin(), progress.badges.end(),
                               [&](const core::BadgeProgress& badge) { return badge.id == id; });
  REQUIRE(it != progress.badges.end());
  return *it;
}

bool Earned(const Events& events, std::string_view badge) {
  return BadgeOf(core::ComputeProgress(events), badge).earned;
}

// The fewest events that earn each badge. Every badge in the catalogue must be here.
Events MinimalEventsFor(std::string_view badge) {
  const std::string p(badge);  // ids and places of one badge never meet another's
  if (badge == "first_rating") return Ratings(p, 1);
  if (badge == "five_ratings") return Ratings(p, 5);
  if (badge == "star_rater") return Ratings(p, 25);
  if (badge == "ten_places") return Ratings(p, 10);
  if (badge == "library_fan") return Ratings(p, 5, Category::Library);
  if (badge == "park_ranger") return Ratings(p, 3, Category::Park);
  if (badge == "cafe_stop") return Ratings(p, 1, Category::Cafe);
  if (badge == "museum_trip") return Ratings(p, 1, Category::Museum);
  if (badge == "film_fan") return Ratings(p, 1, Category::Cinema);
  if (badge == "club_visit") return Ratings(p, 1, Category::YouthClub);
  if (badge == "get_active") return Ratings(p, 1, Category::LeisureCentre);
  if (badge == "mix_it_up") {
    Events events = Ratings(p, 4);
    events[0].category = Category::Library;
    events[1].category = Category::Shop;
    events[2].category = Category::CommunityCentre;
    return events;  // the fourth stays Other, which is a kind too
  }
  if (badge == "quiet_finder") {
    Events events = Ratings(p, 3);
    for (std::size_t i = 0; i < events.size(); ++i) events[i].scales[IndexOf(Scale::Quiet)] = i == 1 ? 5 : 4;
    return events;
  }
  if (badge == "calm_corner") {
    Events events = Ratings(p, 1);
    events[0].facilities[IndexOf(Facility::QuietSpace)] = Answer::Yes;
    return events;
  }
  if (badge == "sensory_scout") {
    Events events = Ratings(p, 5);
    for (ProgressEvent& event : events) event.scales = {1, 2, 3, 4, 5, 3};
    return events;
  }
  if (badge == "helper") {
    Events events = Ratings(p, 10);
    for (ProgressEvent& event : events) {
      event.facilities.fill(Answer::No);
      event.facilities[IndexOf(Facility::HearingLoop)] = Answer::NotSure;  // "not sure" is an answer
    }
    return events;
  }
  if (badge == "way_in") {
    Events events = Ratings(p, 3);
    events[0].facilities[IndexOf(Facility::StepFree)] = Answer::Yes;
    events[1].facilities[IndexOf(Facility::StepFree)] = Answer::No;  // "no" helps Leah just as much
    events[2].facilities[IndexOf(Facility::StepFree)] = Answer::Yes;
    return events;
  }
  if (badge == "all_seasons") {
    // One place, two months apart each time: every one counts.
    return {Rated(Id(p, 0), "place-seasons", Category::Park, "2024-01"),
            Rated(Id(p, 1), "place-seasons", Category::Park, "2024-03"),
            Rated(Id(p, 2), "place-seasons", Category::Park, "2024-05"),
            Rated(Id(p, 3), "place-seasons", Category::Park, "2024-07")};
  }
  if (badge == "first_idea") return {Suggested(Id(p, 0), "2024-05")};
  if (badge == "good_reasons") {
    ProgressEvent suggested = Suggested(Id(p, 0), "2024-05");
    suggested.reasons = {core::SafeReason::KindStaff};
    return {suggested};
  }
  if (badge == "on_the_map") return {Suggested(Id(p, 0), "2024-05"), Approved(Id(p, 0), "2024-06")};
  if (badge == "map_builder") {
    Events events;
    for (int i = 0; i < 3; ++i) {
      events.push_back(Suggested(Id(p, i), "2024-05"));
      events.push_back(Approved(Id(p, i), "2024-06"));
    }
    return events;
  }
  if (badge == "trailblazer") return {Suggested(Id(p, 0), "2024-05"), Approved(Id(p, 0), "2024-06", true)};
  if (badge == "kind_words") {
    return {Rated(Id(p, 0), "place-words", Category::Cafe, "2024-05"),
            About(Kind::CommentApproved, Id(p, 0), "2024-05")};
  }
  if (badge == "team_mapper") {
    ProgressEvent rated = Rated(Id(p, 0), "place-team", Category::YouthClub, "2024-05");
    rated.session_id = "session-1";
    return {About(Kind::JoinedSession, "session-1", "2024-05"), rated};
  }
  if (badge == "team_player") {
    return {About(Kind::JoinedSession, "session-1", "2024-03"), About(Kind::JoinedSession, "session-2", "2024-04"),
            About(Kind::JoinedSession, "session-3", "2024-05")};
  }
  FAIL("no minimal events for badge " << badge);
  return {};
}

// A device's mixed history from a fixed seed: ratings of a few places over several months
// (so anti-farming bites), suggestions with every outcome, comments, sessions, withdrawals
// and a retried (duplicated) send or two.
Events RandomHistory(unsigned seed, int count) {
  std::mt19937 rng(seed);
  const auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
  const std::vector<std::string> months = {"2023-11", "2023-12", "2024-01", "2024-02", "2024-03", "2024-04"};
  Events events;
  std::vector<std::string> rating_ids, suggestion_ids;
  for (int i = 0; i < count; ++i) {
    const std::string month = months[static_cast<std::size_t>(pick(6))];
    switch (pick(10)) {
      case 0:
      case 1:
      case 2:
      case 3: {
        const int place = pick(12);
        ProgressEvent rated =
            Rated(Id("r", i), Id("place", place), core::kAllCategories[static_cast<std::size_t>(place % 10)], month);
        for (std::uint8_t& faces : rated.scales) faces = static_cast<std::uint8_t>(pick(6));
        for (Answer& answer : rated.facilities) answer = static_cast<Answer>(pick(4));
        if (pick(3) == 0) rated.session_id = Id("session", pick(3));
        events.push_back(rated);
        rating_ids.push_back(rated.item_id);
        break;
      }
      case 4: {
        ProgressEvent suggested =
            Suggested(Id("s", i), month, core::kAllCategories[static_cast<std::size_t>(pick(10))]);
        if (pick(2) == 0) suggested.reasons = {core::SafeReason::Quiet};
        events.push_back(suggested);
        suggestion_ids.push_back(suggested.item_id);
        events.push_back(Rated(Id("r", i), suggested.item_id, suggested.category, month));  // its first rating
        break;
      }
      case 5:
        if (!suggestion_ids.empty()) {
          const Kind outcomes[] = {Kind::SuggestionApproved, Kind::SuggestionMerged, Kind::SuggestionRejected};
          ProgressEvent outcome =
              About(outcomes[pick(3)],
                    suggestion_ids[static_cast<std::size_t>(pick(static_cast<int>(suggestion_ids.size())))], month);
          outcome.first_in_area = pick(2) == 0;
          events.push_back(outcome);
        }
        break;
      case 6:
        if (!rating_ids.empty()) {
          events.push_back(About(Kind::CommentApproved,
                                 rating_ids[static_cast<std::size_t>(pick(static_cast<int>(rating_ids.size())))],
                                 month));
        }
        break;
      case 7:
        events.push_back(About(Kind::JoinedSession, Id("session", pick(4)), month));
        break;
      case 8:
        if (!rating_ids.empty() && pick(2) == 0) {
          events.push_back(About(
              Kind::Withdrawn, rating_ids[static_cast<std::size_t>(pick(static_cast<int>(rating_ids.size())))], month));
        } else if (!suggestion_ids.empty()) {
          events.push_back(
              About(Kind::Withdrawn,
                    suggestion_ids[static_cast<std::size_t>(pick(static_cast<int>(suggestion_ids.size())))], month));
        }
        break;
      default:
        if (!events.empty())
          events.push_back(events[static_cast<std::size_t>(pick(static_cast<int>(events.size())))]);  // a retried send
        break;
    }
  }
  return events;
}

// Lower-case words of a text, letters counted as characters (so "café" has 4).
std::vector<std::string> Words(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (std::isalpha(byte) || byte >= 0x80) {
      word += static_cast<char>(std::tolower(byte));
    } else if (!word.empty()) {
      words.push_back(word);
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(word);
  return words;
}

std::size_t Letters(const std::string& word) {
  return static_cast<std::size_t>(std::count_if(word.begin(), word.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;  // not a UTF-8 continuation byte
  }));
}

// Words that hurry, count days or set a deadline: none belongs in a quest or a badge.
const std::set<std::string> kTimeWords = {"today", "tonight", "tomorrow", "hurry", "before", "streak", "deadline",
                                          "quick", "quickly", "fast",     "soon",  "now",    "daily",  "day",
                                          "days",  "week",    "weekly",   "left",  "last",   "chance", "time",
                                          "timer", "ends",    "expires",  "miss",  "lose",   "lost"};

}  // namespace

// [SECTION] Badges

TEST_CASE("there are at least 20 badges, each with a stable id, plain words and a picture", "[core][progress]") {
  const auto badges = core::Badges();
  CHECK(badges.size() >= 20);
  std::set<std::string_view> ids;
  for (const core::BadgeInfo& badge : badges) {
    INFO(badge.id);
    CHECK(ids.insert(badge.id).second);
    CHECK_FALSE(badge.name.empty());
    CHECK_FALSE(badge.how.empty());
    CHECK_FALSE(badge.icon_hint.empty());
    CHECK(badge.need >= 1);
    CHECK(core::FindBadge(badge.id) == &badge);
    for (const char c : badge.id) CHECK(((c >= 'a' && c <= 'z') || c == '_'));
  }
  CHECK(core::FindBadge("no_such_badge") == nullptr);
}

TEST_CASE("nothing done yet: no points, level 1, every badge still to find at 0", "[core][progress]") {
  const Progress progress = core::ComputeProgress({});
  CHECK(progress.points == 0);
  CHECK(progress.level.number == 1);
  CHECK(progress.level.name == "Explorer");
  CHECK(progress.companion.stage == 0);
  CHECK(progress.counts == core::ProgressCounts{});
  REQUIRE(progress.badges.size() == core::Badges().size());
  for (std::size_t i = 0; i < progress.badges.size(); ++i) {
    CHECK(progress.badges[i].id == core::Badges()[i].id);
    CHECK_FALSE(progress.badges[i].earned);
    CHECK(progress.badges[i].have == 0);
    CHECK(progress.badges[i].need == core::Badges()[i].need);
  }
}

TEST_CASE("each badge is earned with the fewest events its rule needs, and not with one fewer", "[core][progress]") {
  for (const core::BadgeInfo& badge : core::Badges()) {
    const Events events = MinimalEventsFor(badge.id);
    INFO("badge " << badge.id);
    const Progress progress = core::ComputeProgress(events);  // kept: BadgeOf returns a reference into it
    const core::BadgeProgress& earned = BadgeOf(progress, badge.id);
    CHECK(earned.earned);
    CHECK(earned.have == badge.need);
    for (std::size_t drop = 0; drop < events.size(); ++drop) {
      Events fewer = events;
      fewer.erase(fewer.begin() + static_cast<std::ptrdiff_t>(drop));
      INFO("without event " << drop);
      const Progress without = core::ComputeProgress(fewer);
      const core::BadgeProgress& almost = BadgeOf(without, badge.id);
      CHECK_FALSE(almost.earned);
      CHECK(almost.have < badge.need);
    }
  }
}

TEST_CASE("a badge still to find says how far along it is", "[core][progress]") {
  const Progress progress = core::ComputeProgress(Ratings("lib", 2, Category::Library));
  const core::BadgeProgress& libraries = BadgeOf(progress, "library_fan");
  CHECK_FALSE(libraries.earned);
  CHECK(core::BadgeProgressText(libraries) == "2 of 5");
  CHECK(core::BadgeProgressText(BadgeOf(progress, "first_rating")) == "1 of 1");
}

TEST_CASE("badge rules look at the right detail", "[core][progress]") {
  SECTION("the same library five times is one library") {
    Events events;
    for (int i = 0; i < 5; ++i) {
      const std::string month = "2024-0" + std::to_string(1 + 2 * (i % 5));  // 01 03 05 07 09: each counts
      events.push_back(Rated(Id("r", i), "one-library", Category::Library, month));
    }
    const Progress progress = core::ComputeProgress(events);
    CHECK(BadgeOf(progress, "five_ratings").earned);  // five visits, far enough apart
    CHECK(BadgeOf(progress, "library_fan").have == 1);
  }
  SECTION("four libraries are one kind of place") {
    CHECK(BadgeOf(core::ComputeProgress(Ratings("lib", 4, Category::Library)), "mix_it_up").have == 1);
  }
  SECTION("quiet means 4 or 5 faces for quiet") {
    Events events = Ratings("q", 3);
    for (ProgressEvent& event : events) event.scales[IndexOf(Scale::Quiet)] = 3;
    CHECK(BadgeOf(core::ComputeProgress(events), "quiet_finder").have == 0);
  }
  SECTION("a quiet room needs a yes") {
    Events events = Ratings("room", 1);
    events[0].facilities[IndexOf(Facility::QuietSpace)] = Answer::NotSure;
    CHECK_FALSE(Earned(events, "calm_corner"));
  }
  SECTION("a full sensory rating answers all 6 face questions") {
    Events events = MinimalEventsFor("sensory_scout");
    events[0].scales[IndexOf(Scale::GentleLighting)] = 0;
    CHECK(BadgeOf(core::ComputeProgress(events), "sensory_scout").have == 4);
  }
  SECTION("helper needs every facility question answered") {
    Events events = MinimalEventsFor("helper");
    events[3].facilities[IndexOf(Facility::ChangingPlaces)] = Answer::Unanswered;
    CHECK(BadgeOf(core::ComputeProgress(events), "helper").have == 9);
  }
  SECTION("\"not sure\" about the way in does not count for way in") {
    Events events = MinimalEventsFor("way_in");
    events[1].facilities[IndexOf(Facility::StepFree)] = Answer::NotSure;
    CHECK_FALSE(Earned(events, "way_in"));
  }
  SECTION("a trailblazer's place must be first in its area") {
    CHECK_FALSE(Earned({Suggested("s", "2024-05"), Approved("s", "2024-06", false)}, "trailblazer"));
  }
  SECTION("a merged suggestion is a suggestion, but not a new place on the map") {
    const Events events = {Suggested("s", "2024-05"), About(Kind::SuggestionMerged, "s", "2024-06")};
    CHECK(Earned(events, "first_idea"));
    CHECK_FALSE(Earned(events, "on_the_map"));
  }
  SECTION("team mapper needs a rating in the session joined") {
    Events events = MinimalEventsFor("team_mapper");
    events[1].session_id = "another-session";
    CHECK_FALSE(Earned(events, "team_mapper"));
  }
  SECTION("an approval or a comment for something the device never sent counts for nothing") {
    const Progress progress = core::ComputeProgress(
        Events{Approved("not-mine", "2024-05", true), About(Kind::CommentApproved, "nope", "2024-05")});
    CHECK(progress.points == 0);
    CHECK(std::none_of(progress.badges.begin(), progress.badges.end(), [](const auto& b) { return b.earned; }));
  }
}

// [SECTION] Points

TEST_CASE("points for each kind of contribution", "[core][progress]") {
  const auto points = [](const Events& events) { return core::ComputeProgress(events).points; };
  ProgressEvent full = Rated("r", "p", Category::Park, "2024-05");
  full.scales = {5, 4, 3, 4, 5, 2};

  CHECK(points(Ratings("r", 1)) == core::kPointsRating);
  CHECK(points({full}) == core::kPointsRating + core::kPointsFullSensoryRating);
  CHECK(points({Suggested("s", "2024-05")}) == core::kPointsSuggestion);
  CHECK(points({Suggested("s", "2024-05"), Approved("s", "2024-06")}) ==
        core::kPointsSuggestion + core::kPointsSuggestionApproved);
  CHECK(points({Suggested("s", "2024-05"), About(Kind::SuggestionMerged, "s", "2024-06")}) == core::kPointsSuggestion);
  CHECK(points(MinimalEventsFor("kind_words")) == core::kPointsRating + core::kPointsCommentApproved);
  CHECK(points({About(Kind::JoinedSession, "session-1", "2024-05")}) == core::kPointsJoinedSession);
  CHECK(points(
            {About(Kind::JoinedSession, "session-1", "2024-05"), About(Kind::JoinedSession, "session-1", "2024-06")}) ==
        core::kPointsJoinedSession);  // one session, joined twice

  // The numbers themselves, as documented for young people and officers.
  CHECK(core::kPointsRating == 10);
  CHECK(core::kPointsFullSensoryRating == 5);
  CHECK(core::kPointsSuggestion == 15);
  CHECK(core::kPointsSuggestionApproved == 20);
  CHECK(core::kPointsCommentApproved == 5);
  CHECK(core::kPointsJoinedSession == 10);
}

TEST_CASE("a rating that answers nothing and an event without a real month count for nothing", "[core][progress]") {
  ProgressEvent empty = Rated("r", "p", Category::Park, "2024-05");
  empty.scales = {};
  ProgressEvent no_month = Rated("r2", "p2", Category::Park, "May");
  ProgressEvent month_13 = Rated("r3", "p3", Category::Park, "2024-13");
  CHECK(core::ComputeProgress(Events{empty, no_month, month_13}).points == 0);
}

// [SECTION] Anti-farming

TEST_CASE("rating the same place again in the same or the next month gives nothing more", "[core][progress]") {
  const auto progress = [](std::string_view second_month) {
    return core::ComputeProgress(
        Events{Rated("r1", "p", Category::Library, "2024-05"), Rated("r2", "p", Category::Library, second_month)});
  };
  SECTION("same month") {
    const Progress same = progress("2024-05");
    CHECK(same.points == core::kPointsRating);
    CHECK(same.counts.ratings == 1);
  }
  SECTION("next month") { CHECK(progress("2024-06").points == core::kPointsRating); }
  SECTION("the month before (given later) is the same thing") {
    CHECK(progress("2024-04").points == core::kPointsRating);
  }
  SECTION("two months later counts again") {
    const Progress later = progress("2024-07");
    CHECK(later.points == 2 * core::kPointsRating);
    CHECK(later.counts.ratings == 2);
    CHECK(later.counts.places_rated == 1);
  }
  SECTION("across a new year: December then February counts again, December then January does not") {
    CHECK(core::ComputeProgress(
              Events{Rated("r1", "p", Category::Park, "2023-12"), Rated("r2", "p", Category::Park, "2024-02")})
              .points == 2 * core::kPointsRating);
    CHECK(core::ComputeProgress(
              Events{Rated("r1", "p", Category::Park, "2023-12"), Rated("r2", "p", Category::Park, "2024-01")})
              .points == core::kPointsRating);
  }
}

TEST_CASE("monthly ratings of one place count every other month", "[core][progress]") {
  Events events;
  for (int month = 1; month <= 6; ++month) {
    events.push_back(Rated(Id("r", month), "p", Category::Cafe, "2024-0" + std::to_string(month)));
  }
  CHECK(core::ComputeProgress(events).counts.ratings == 3);  // January, March, May
}

TEST_CASE("farmed ratings count for no badge", "[core][progress]") {
  Events events;
  for (int i = 0; i < 5; ++i) {
    ProgressEvent rated = Rated(Id("r", i), "p", Category::Library, "2024-05");
    rated.scales = {5, 5, 5, 5, 5, 5};
    events.push_back(rated);
  }
  const Progress progress = core::ComputeProgress(events);
  CHECK(BadgeOf(progress, "five_ratings").have == 1);
  CHECK(BadgeOf(progress, "sensory_scout").have == 1);
  CHECK(progress.points == core::kPointsRating + core::kPointsFullSensoryRating);
}

TEST_CASE("a retried send never doubles anything", "[core][progress]") {
  const Events once = MinimalEventsFor("kind_words");
  Events twice = once;
  twice.insert(twice.end(), once.begin(), once.end());
  CHECK(core::ComputeProgress(twice) == core::ComputeProgress(once));
}

// [SECTION] Withdrawn and not added: quietly no longer counted

TEST_CASE("a withdrawn rating quietly stops counting, and nothing goes below zero", "[core][progress]") {
  Events events = MinimalEventsFor("first_rating");
  events.push_back(About(Kind::Withdrawn, events[0].item_id, "2024-06"));
  const Progress progress = core::ComputeProgress(events);
  CHECK(progress.points == 0);
  CHECK(progress.counts == core::ProgressCounts{});
  CHECK_FALSE(BadgeOf(progress, "first_rating").earned);
  for (const core::BadgeProgress& badge : progress.badges) CHECK(badge.have >= 0);
}

TEST_CASE("withdrawing the rating that counted lets the other one of that month count", "[core][progress]") {
  const Events events = {Rated("r1", "p", Category::Park, "2024-05"), Rated("r2", "p", Category::Park, "2024-05"),
                         About(Kind::Withdrawn, "r1", "2024-05")};
  const Progress progress = core::ComputeProgress(events);
  CHECK(progress.points == core::kPointsRating);  // what the remaining valid rating gives
  CHECK(progress.counts.ratings == 1);
}

TEST_CASE("withdrawing an item is the same as never having sent it", "[core][progress]") {
  const Events history = RandomHistory(7, 120);
  std::set<std::string> tried;
  for (const ProgressEvent& event : history) {
    if ((event.kind != Kind::Rated && event.kind != Kind::Suggested) || !tried.insert(event.item_id).second) continue;
    if (tried.size() > 30) break;
    Events withdrawn = history;
    withdrawn.push_back(About(Kind::Withdrawn, event.item_id, "2024-06"));
    Events never_sent;
    for (const ProgressEvent& other : history) {
      const bool of_it =
          other.item_id == event.item_id ||
          (event.kind == Kind::Suggested && other.kind == Kind::Rated && other.place_id == event.item_id);
      if (!of_it) never_sent.push_back(other);
    }
    INFO("withdrawing " << event.item_id);
    CHECK(core::ComputeProgress(withdrawn) == core::ComputeProgress(never_sent));
  }
}

TEST_CASE("a suggestion not added quietly takes its reward and its first rating back", "[core][progress]") {
  const Events events = {Suggested("s", "2024-05", Category::Cafe), Rated("r", "s", Category::Cafe, "2024-05"),
                         Rated("r-other", "elsewhere", Category::Park, "2024-05"),
                         About(Kind::SuggestionRejected, "s", "2024-06")};
  const Progress progress = core::ComputeProgress(events);
  CHECK(progress.points == core::kPointsRating);  // only the other rating
  CHECK(progress.counts.suggestions == 0);
  CHECK_FALSE(BadgeOf(progress, "first_idea").earned);
  CHECK_FALSE(BadgeOf(progress, "cafe_stop").earned);
  CHECK(BadgeOf(progress, "park_ranger").have == 1);
}

TEST_CASE("the latest decision about a suggestion is the one that counts", "[core][progress]") {
  SECTION("added, then not added: no longer on the map") {
    CHECK_FALSE(
        Earned({Suggested("s", "2024-05"), Approved("s", "2024-06"), About(Kind::SuggestionRejected, "s", "2024-08")},
               "on_the_map"));
  }
  SECTION("not added, then looked at again and added") {
    CHECK(Earned({Suggested("s", "2024-05"), About(Kind::SuggestionRejected, "s", "2024-06"), Approved("s", "2024-08")},
                 "on_the_map"));
  }
  SECTION("both in the same month: the kinder one") {
    CHECK(Earned({Suggested("s", "2024-05"), About(Kind::SuggestionRejected, "s", "2024-06"), Approved("s", "2024-06")},
                 "on_the_map"));
  }
}

// [SECTION] Order does not matter

TEST_CASE("the same events in any order give the same progress", "[core][progress]") {
  for (const unsigned seed : {1u, 2u, 3u, 42u}) {
    Events events = RandomHistory(seed, 160);
    const Progress expected = core::ComputeProgress(events);
    INFO("seed " << seed);
    CHECK(expected.points > 0);
    CHECK(std::count_if(expected.badges.begin(), expected.badges.end(), [](const auto& b) { return b.earned; }) >= 3);
    std::mt19937 rng(seed * 7919u);
    for (int round = 0; round < 100; ++round) {
      std::shuffle(events.begin(), events.end(), rng);
      INFO("round " << round);
      REQUIRE(core::ComputeProgress(events) == expected);
    }
    std::reverse(events.begin(), events.end());
    CHECK(core::ComputeProgress(events) == expected);
  }
}

TEST_CASE("the minimal events of every badge together earn every badge, in any order", "[core][progress]") {
  Events all;
  for (const core::BadgeInfo& badge : core::Badges()) {
    const Events events = MinimalEventsFor(badge.id);
    all.insert(all.end(), events.begin(), events.end());
  }
  const Progress expected = core::ComputeProgress(all);
  for (const core::BadgeProgress& badge : expected.badges) {
    INFO(badge.id);
    CHECK(badge.earned);
  }
  std::mt19937 rng(99);
  for (int round = 0; round < 20; ++round) {
    std::shuffle(all.begin(), all.end(), rng);
    REQUIRE(core::ComputeProgress(all) == expected);
  }
  // With every badge found, there is still a kind, open-ended next step.
  REQUIRE(expected.quests.size() == 2);
  CHECK(expected.quests[0].id == "rate_place");
  CHECK(expected.quests[1].id == "suggest_place");
  CHECK(expected.quests[0].badge_id.empty());
}

// [SECTION] Levels and the companion

TEST_CASE("levels have friendly names and gentle thresholds", "[core][progress]") {
  CHECK(core::kLevels.size() >= 6);
  for (std::size_t i = 1; i < core::kLevels.size(); ++i)
    CHECK(core::kLevels[i].points_needed > core::kLevels[i - 1].points_needed);

  const core::Level start = core::LevelForPoints(0);
  CHECK(start.number == 1);
  CHECK(start.name == "Explorer");
  CHECK(start.points_to_next == 40);
  CHECK(start.next_points_needed == 40);
  CHECK(core::LevelForPoints(39).number == 1);
  CHECK(core::LevelForPoints(39).points_to_next == 1);
  CHECK(core::LevelForPoints(40).name == "Pathfinder");
  CHECK(core::LevelForPoints(-5).number == 1);

  const core::Level top = core::LevelForPoints(100000);
  CHECK(top.number == static_cast<int>(core::kLevels.size()));
  CHECK(top.points_to_next == 0);
  CHECK(top.next_points_needed == 0);
}

TEST_CASE("a group session with a few ratings reaches level 2", "[core][progress]") {
  Events events = Ratings("r", 3);
  events.push_back(About(Kind::JoinedSession, "session-1", "2024-05"));
  CHECK(core::ComputeProgress(events).level.number == 2);
}

TEST_CASE("the companion gains one accessory per level and keeps it", "[core][progress]") {
  CHECK(core::CompanionForLevel(1).stage == 0);
  CHECK(core::CompanionForLevel(1).newest.id.empty());
  CHECK(core::CompanionForLevel(2).newest.label == "a smart tie");
  CHECK(core::CompanionForLevel(static_cast<int>(core::kLevels.size())).newest.id == "crown");
  CHECK(core::CompanionForLevel(99).newest.id == "crown");
  CHECK(core::CompanionForLevel(0).stage == 0);
  for (int level = 1; level < static_cast<int>(core::kLevels.size()); ++level) {
    CHECK(core::CompanionForLevel(level + 1).stage == core::CompanionForLevel(level).stage + 1);
  }
}

// [SECTION] Celebrations

TEST_CASE("DiffProgress celebrates new badges and a level up", "[core][progress]") {
  const Progress before = core::ComputeProgress(Ratings("r", 3));
  Events more = Ratings("r", 5);
  more.push_back(About(Kind::JoinedSession, "session-1", "2024-05"));
  const Progress after = core::ComputeProgress(more);

  const core::ProgressChange change = core::DiffProgress(before, after);
  CHECK(change.new_badges == std::vector<std::string_view>{"five_ratings"});
  CHECK(change.level_up);
  CHECK(change.level.name == "Pathfinder");
  CHECK(change.companion_grew);
  CHECK(change.companion.newest.id == "tie");
  CHECK(change.points_gained == after.points - before.points);
  CHECK(change.Any());
}

TEST_CASE("DiffProgress never reports a loss", "[core][progress]") {
  Events events = Ratings("r", 5);
  events.push_back(About(Kind::JoinedSession, "session-1", "2024-05"));
  const Progress before = core::ComputeProgress(events);
  for (int i = 0; i < 3; ++i) events.push_back(About(Kind::Withdrawn, Id("r", i), "2024-06"));
  const Progress after = core::ComputeProgress(events);
  REQUIRE(BadgeOf(before, "five_ratings").earned);
  REQUIRE_FALSE(BadgeOf(after, "five_ratings").earned);
  REQUIRE(after.level.number < before.level.number);

  const core::ProgressChange change = core::DiffProgress(before, after);
  CHECK(change.new_badges.empty());
  CHECK_FALSE(change.level_up);
  CHECK_FALSE(change.companion_grew);
  CHECK(change.points_gained == 0);
  CHECK_FALSE(change.Any());
  CHECK_FALSE(core::DiffProgress(after, after).Any());
}

// [SECTION] Quests

TEST_CASE("a first quest list for someone just starting", "[core][progress]") {
  const Progress progress = core::ComputeProgress({});
  std::vector<std::string_view> ids;
  for (const core::Quest& quest : progress.quests) ids.push_back(quest.id);
  CHECK(ids == std::vector<std::string_view>{"rate_place", "rate_cafe", "tell_quiet_room"});
  CHECK(progress.quests[2].text == "Tell us about a place with a quiet room");
  CHECK(progress.quests[2].badge_id == "calm_corner");
}

TEST_CASE("quests prefer a badge that is nearly earned", "[core][progress]") {
  const Progress progress = core::ComputeProgress(Ratings("lib", 4, Category::Library));
  const auto library = std::find_if(progress.quests.begin(), progress.quests.end(),
                                    [](const core::Quest& quest) { return quest.id == "rate_library"; });
  REQUIRE(library != progress.quests.end());
  CHECK(library->text == "Rate a library");
  CHECK(library->badge_id == "library_fan");
  CHECK(library->have == 4);
  CHECK(library->need == 5);
  CHECK(progress.quests.front().have == 4);  // "Rate a place you went to", for five ratings
}

TEST_CASE("quests: at most 3, different, and never about time", "[core][progress]") {
  std::vector<Progress> progresses = {core::ComputeProgress({})};
  for (unsigned seed = 1; seed <= 40; ++seed)
    progresses.push_back(core::ComputeProgress(RandomHistory(seed, 10 + static_cast<int>(seed) * 5)));
  for (const Progress& progress : progresses) {
    CHECK(!progress.quests.empty());
    CHECK(progress.quests.size() <= core::kMaxQuests);
    std::set<std::string_view> ids;
    for (const core::Quest& quest : progress.quests) {
      INFO(quest.text);
      CHECK(ids.insert(quest.id).second);
      if (!quest.badge_id.empty()) CHECK_FALSE(BadgeOf(progress, quest.badge_id).earned);
      for (const std::string& word : Words(quest.text)) CHECK(kTimeWords.count(word) == 0);
    }
  }
}

// [SECTION] Plain words

TEST_CASE("level names, badge words, quests and accessories are plain", "[core][progress]") {
  std::vector<std::string_view> texts;
  for (const core::LevelInfo& level : core::kLevels) texts.push_back(level.name);
  for (const core::CompanionAccessory& accessory : core::kCompanionAccessories) texts.push_back(accessory.label);
  for (const core::BadgeInfo& badge : core::Badges()) {
    texts.push_back(badge.name);
    texts.push_back(badge.how);
  }
  for (const Progress& progress : {core::ComputeProgress({}), core::ComputeProgress(RandomHistory(5, 80))}) {
    for (const core::Quest& quest : progress.quests) texts.push_back(quest.text);
  }
  for (const std::string_view text : texts) {
    INFO(text);
    for (const std::string& word : Words(text)) {
      CHECK(Letters(word) <= 12);
      CHECK(kTimeWords.count(word) == 0);
    }
  }
}

// [SECTION] From the model

TEST_CASE("events are made from a rating and a suggestion as sent", "[core][progress]") {
  const core::Rating rating = samples::SampleRating();
  const ProgressEvent rated = core::RatedEvent(rating, Category::Library);
  CHECK(rated.kind == Kind::Rated);
  CHECK(rated.item_id == rating.id);
  CHECK(rated.place_id == rating.place_id);
  CHECK(rated.month == "2024-05");
  CHECK(rated.scales == rating.scales);
  CHECK(rated.facilities == rating.facilities);

  core::Suggestion suggestion = samples::SampleSuggestion();
  suggestion.reasons = {core::SafeReason::Quiet};
  const ProgressEvent suggested = core::SuggestedEvent(suggestion, "2024-05");
  CHECK(suggested.kind == Kind::Suggested);
  CHECK(suggested.item_id == suggestion.id);
  CHECK(suggested.category == suggestion.category);
  CHECK(suggested.reasons == suggestion.reasons);

  const Events events = {suggested, core::RatedEvent(suggestion.first_rating, suggestion.category)};
  const Progress progress = core::ComputeProgress(events);
  CHECK(BadgeOf(progress, "first_idea").earned);
  CHECK(BadgeOf(progress, "good_reasons").earned);
  CHECK(BadgeOf(progress, "first_rating").earned);
}

// [SECTION] Team goals

TEST_CASE("team goals step up together, never down", "[core][progress]") {
  const core::TeamGoal goal = core::NextTeamGoal(134);
  CHECK(goal.count == 134);
  CHECK(goal.last_reached == 100);
  CHECK(goal.next == 150);
  CHECK(goal.sentence == "Together we've mapped 134 safe spaces. Next goal: 150");

  CHECK(core::NextTeamGoal(1).sentence == "Together we've mapped 1 safe space. Next goal: 10");
  CHECK(core::NextTeamGoal(0).sentence == "Together we can map safe spaces. First goal: 10");
  CHECK(core::NextTeamGoal(-3).count == 0);
  CHECK(core::NextTeamGoal(9).next == 10);
  CHECK(core::NextTeamGoal(10).next == 25);
  CHECK(core::NextTeamGoal(10).last_reached == 10);
  CHECK(core::NextTeamGoal(150).next == 200);
  CHECK(core::NextTeamGoal(999).next == 1000);
  CHECK(core::NextTeamGoal(1000).next == 1500);
  CHECK(core::NextTeamGoal(1499).next == 1500);
  CHECK(core::NextTeamGoal(1500).next == 2000);
  CHECK(core::NextTeamGoal(1500).last_reached == 1500);

  int previous = 0;
  for (int count = 0; count <= 5000; ++count) {
    const core::TeamGoal step = core::NextTeamGoal(count);
    CHECK(step.next > count);
    CHECK(step.last_reached <= count);
    CHECK(step.next >= previous);
    previous = step.next;
  }
  CHECK(core::NextTeamGoal(INT_MAX).next > core::NextTeamGoal(INT_MAX).count);
}
