// This is the implementation of progress.h: the badge and quest catalogues, and the one
// pass from a device's events to its progress. Events are first put in a canonical order
// (by month, then id), and everything after that is a count or a set keyed by ids, so the
// result never depends on the order the events came in.
// [SECTION] Months
// [SECTION] Levels and the companion
// [SECTION] Events from the model
// [SECTION] What counts (Tally)
// [SECTION] Badge catalogue
// [SECTION] Quest catalogue
// [SECTION] ComputeProgress
// [SECTION] DiffProgress
// [SECTION] Team goals
#include "core/progress.h"

#include <algorithm>
#include <limits>
#include <map>
#include <optional>
#include <set>
#include <tuple>
#include <utility>
#include <variant>

namespace core {
namespace {

// [SECTION] Months

// "2024-05" -> 2024 * 12 + 4, so that consecutive months differ by one across a new year.
std::optional<int> MonthIndex(std::string_view month) {
  if (month.size() != 7 || month[4] != '-') return std::nullopt;
  int year = 0;
  for (std::size_t i = 0; i < 4; ++i) {
    if (month[i] < '0' || month[i] > '9') return std::nullopt;
    year = year * 10 + (month[i] - '0');
  }
  if (month[5] < '0' || month[5] > '9' || month[6] < '0' || month[6] > '9') return std::nullopt;
  const int number = (month[5] - '0') * 10 + (month[6] - '0');
  if (number < 1 || number > 12) return std::nullopt;
  return year * 12 + (number - 1);
}

}  // namespace

// [SECTION] Levels and the companion

Level LevelForPoints(int points) {
  std::size_t index = 0;
  while (index + 1 < kLevels.size() && points >= kLevels[index + 1].points_needed) ++index;
  Level level;
  level.number = static_cast<int>(index) + 1;
  level.name = kLevels[index].name;
  level.points_needed = kLevels[index].points_needed;
  if (index + 1 < kLevels.size()) {
    level.next_points_needed = kLevels[index + 1].points_needed;
    level.points_to_next = level.next_points_needed - std::max(points, 0);
  }
  return level;
}

CompanionGrowth CompanionForLevel(int level_number) {
  const int last = static_cast<int>(kCompanionAccessories.size()) - 1;
  const int stage = std::clamp(level_number - 1, 0, last);
  return {stage, kCompanionAccessories[static_cast<std::size_t>(stage)]};
}

// [SECTION] Events from the model

ProgressEvent RatedEvent(const Rating& rating, Category category) {
  ProgressEvent event;
  event.kind = ProgressEventKind::Rated;
  event.item_id = rating.id;
  event.month = rating.visit_month;
  event.place_id = rating.place_id;
  event.category = category;
  event.session_id = rating.session_id;
  event.scales = rating.scales;
  event.facilities = rating.facilities;
  return event;
}

ProgressEvent SuggestedEvent(const Suggestion& suggestion, std::string_view month_sent) {
  ProgressEvent event;
  event.kind = ProgressEventKind::Suggested;
  event.item_id = suggestion.id;
  event.month = std::string(month_sent);
  event.place_id = suggestion.id;
  event.category = suggestion.category;
  event.session_id = suggestion.session_id;
  event.reasons = suggestion.reasons;
  return event;
}

TileId AreaCellOf(double lat, double lon) { return TileAt(lat, lon, kAreaCellZoom); }

std::vector<ProgressEvent> EventsFromSent(std::span<const SentItem> items,
                                          const std::function<Category(std::string_view place_id)>& category_of,
                                          std::string_view this_month) {
  std::vector<ProgressEvent> events;
  for (const SentItem& sent : items) {
    if (const auto* rating = std::get_if<Rating>(&sent.item.payload)) {
      events.push_back(RatedEvent(*rating, category_of(rating->place_id)));
      if (sent.comment_approved) {
        ProgressEvent shared;
        shared.kind = ProgressEventKind::CommentApproved;
        shared.item_id = rating->id;
        shared.month = rating->visit_month;
        events.push_back(std::move(shared));
      }
    } else if (const auto* suggestion = std::get_if<Suggestion>(&sent.item.payload)) {
      const std::string& month = suggestion->first_rating.visit_month;
      events.push_back(SuggestedEvent(*suggestion, month));
      events.push_back(RatedEvent(suggestion->first_rating, suggestion->category));
      std::optional<ProgressEventKind> outcome;
      if (sent.review == PlaceStatus::Approved) outcome = ProgressEventKind::SuggestionApproved;
      if (sent.review == PlaceStatus::Merged) outcome = ProgressEventKind::SuggestionMerged;
      if (sent.review == PlaceStatus::Rejected) outcome = ProgressEventKind::SuggestionRejected;
      if (outcome) {
        ProgressEvent decided;
        decided.kind = *outcome;
        decided.item_id = suggestion->id;
        decided.month = month;
        decided.first_in_area = sent.first_in_area;
        events.push_back(std::move(decided));
      }
    } else if (const auto* withdrawal = std::get_if<Withdrawal>(&sent.item.payload)) {
      ProgressEvent taken_back;
      taken_back.kind = ProgressEventKind::Withdrawn;
      taken_back.item_id = withdrawal->target_id;
      taken_back.month = std::string(this_month);
      events.push_back(std::move(taken_back));
    }
  }
  return events;
}

namespace {

// [SECTION] What counts (Tally)

bool IsFaces(std::uint8_t faces) { return faces >= 1 && faces <= kMaxFaces; }
bool IsAnswer(Answer answer) { return answer == Answer::Yes || answer == Answer::No || answer == Answer::NotSure; }

bool AnswersAnything(const ProgressEvent& rating) {
  return std::any_of(rating.scales.begin(), rating.scales.end(), IsFaces) ||
         std::any_of(rating.facilities.begin(), rating.facilities.end(), IsAnswer);
}

// Everything the badges look at, counted only from what counts.
struct Tally {
  int ratings = 0;
  int full_sensory = 0;  // ratings answering all 6 face questions
  std::set<std::string> places;
  std::map<Category, std::set<std::string>> places_by_kind;
  std::set<std::string> quiet_places;       // rated 4 or 5 faces for "quiet"
  std::set<std::string> quiet_room_places;  // said "yes" to a quiet room or space
  std::set<std::string> facts_places;       // answered every "what it has" question
  std::set<std::string> way_in_places;      // said yes or no to "step-free way in"
  std::set<std::string> months;             // visit months
  std::set<std::string> rated_in_sessions;
  int suggestions = 0;
  int suggestions_with_reasons = 0;
  int approved = 0;
  int first_in_area = 0;
  int comments = 0;
  std::set<std::string> sessions;

  int PlacesOfKind(Category category) const {
    const auto it = places_by_kind.find(category);
    return it == places_by_kind.end() ? 0 : static_cast<int>(it->second.size());
  }
  int TeamSessions() const {
    return static_cast<int>(std::count_if(sessions.begin(), sessions.end(),
                                          [&](const std::string& id) { return rated_in_sessions.count(id) > 0; }));
  }
};

int Size(const std::set<std::string>& set) { return static_cast<int>(set.size()); }

// [SECTION] Badge catalogue

struct BadgeRule {
  BadgeInfo info;
  std::string_view quest_id;  // the next step toward it, in kQuests
  int (*have)(const Tally&);
};

// Names and words are easy-read: short, concrete, second person. No badge counts days in
// a row or has a deadline.
constexpr BadgeRule kBadgeRules[] = {
    {{"first_rating", "First rating", "Rate your first place", "star", 1},
     "rate_place",
     [](const Tally& t) { return t.ratings; }},
    {{"five_ratings", "Five ratings", "Rate places 5 times", "star", 5},
     "rate_place",
     [](const Tally& t) { return t.ratings; }},
    {{"star_rater", "Star rater", "Rate places 25 times", "star", 25},
     "rate_place",
     [](const Tally& t) { return t.ratings; }},
    {{"ten_places", "Ten places", "Rate 10 different places", "map_marker", 10},
     "rate_new_place",
     [](const Tally& t) { return Size(t.places); }},
    {{"library_fan", "Library fan", "Rate 5 different libraries", "library", 5},
     "rate_library",
     [](const Tally& t) { return t.PlacesOfKind(Category::Library); }},
    {{"park_ranger", "Park ranger", "Rate 3 different parks", "park", 3},
     "rate_park",
     [](const Tally& t) { return t.PlacesOfKind(Category::Park); }},
    {{"cafe_stop", "Caf\u00e9 stop", "Rate a caf\u00e9", "cafe", 1},
     "rate_cafe",
     [](const Tally& t) { return t.PlacesOfKind(Category::Cafe); }},
    {{"museum_trip", "Museum trip", "Rate a museum", "museum", 1},
     "rate_museum",
     [](const Tally& t) { return t.PlacesOfKind(Category::Museum); }},
    {{"film_fan", "Film fan", "Rate a cinema", "cinema", 1},
     "rate_cinema",
     [](const Tally& t) { return t.PlacesOfKind(Category::Cinema); }},
    {{"club_visit", "Club visit", "Rate a youth club", "youth_club", 1},
     "rate_youth_club",
     [](const Tally& t) { return t.PlacesOfKind(Category::YouthClub); }},
    {{"get_active", "Get active", "Rate a sports or leisure centre", "leisure", 1},
     "rate_leisure",
     [](const Tally& t) { return t.PlacesOfKind(Category::LeisureCentre); }},
    {{"mix_it_up", "Mix it up", "Rate 4 different kinds of place", "map", 4},
     "rate_new_kind",
     [](const Tally& t) { return static_cast<int>(t.places_by_kind.size()); }},
    {{"quiet_finder", "Quiet finder", "Rate 3 places as quiet, with 4 or 5 faces", "quiet", 3},
     "rate_quiet",
     [](const Tally& t) { return Size(t.quiet_places); }},
    {{"calm_corner", "Calm corner", "Tell us about a place with a quiet room", "quiet_room", 1},
     "tell_quiet_room",
     [](const Tally& t) { return Size(t.quiet_room_places); }},
    {{"sensory_scout", "Sensory scout", "Answer all 6 face questions, 5 times", "happy", 5},
     "answer_faces",
     [](const Tally& t) { return t.full_sensory; }},
    {{"helper", "Helper", "Answer every \"what it has\" question for 10 places", "check", 10},
     "answer_facilities",
     [](const Tally& t) { return Size(t.facts_places); }},
    {{"way_in", "Way in", "Tell us if 3 places have a step-free way in", "wheelchair", 3},
     "tell_way_in",
     [](const Tally& t) { return Size(t.way_in_places); }},
    {{"all_seasons", "All seasons", "Rate places in 4 different months", "park", 4},
     "rate_place",
     [](const Tally& t) { return Size(t.months); }},
    {{"first_idea", "First idea", "Suggest a place you like", "map_marker_plus", 1},
     "suggest_place",
     [](const Tally& t) { return t.suggestions; }},
    {{"good_reasons", "Good reasons", "Say why a place you suggest feels safe", "heart", 1},
     "say_why",
     [](const Tally& t) { return t.suggestions_with_reasons; }},
    {{"on_the_map", "On the map", "Suggest a place that goes on the map", "map_marker", 1},
     "suggest_place",
     [](const Tally& t) { return t.approved; }},
    {{"map_builder", "Map builder", "Have 3 places you suggested go on the map", "map", 3},
     "suggest_place",
     [](const Tally& t) { return t.approved; }},
    {{"trailblazer", "Trailblazer", "Suggest the first place in a new area", "directions", 1},
     "suggest_new_area",
     [](const Tally& t) { return t.first_in_area; }},
    {{"kind_words", "Kind words", "Write a comment that we can share", "speech", 1},
     "write_comment",
     [](const Tally& t) { return t.comments; }},
    {{"team_mapper", "Team mapper", "Join a group and rate a place with them", "group", 1},
     "rate_with_group",
     [](const Tally& t) { return t.TeamSessions(); }},
    {{"team_player", "Team player", "Join 3 group sessions", "greeting", 3},
     "join_group",
     [](const Tally& t) { return Size(t.sessions); }},
};
constexpr std::size_t kBadgeCount = std::size(kBadgeRules);

constexpr std::array<BadgeInfo, kBadgeCount> kBadgeInfos = [] {
  std::array<BadgeInfo, kBadgeCount> infos{};
  for (std::size_t i = 0; i < kBadgeCount; ++i) infos[i] = kBadgeRules[i].info;
  return infos;
}();

// [SECTION] Quest catalogue

// Quests of one family say much the same thing, so a short list takes one of each first.
enum class QuestFamily : std::uint8_t { Rate, Kind, Detail, Suggest, Words, Team };

struct QuestInfo {
  std::string_view id;
  std::string_view text;
  std::string_view icon_hint;
  QuestFamily family;
};

// Invitations, never deadlines: no word about time, days or hurrying.
constexpr QuestInfo kQuests[] = {
    {"rate_place", "Rate a place you went to", "star", QuestFamily::Rate},
    {"rate_new_place", "Rate a place that is new to you", "map_marker", QuestFamily::Rate},
    {"rate_library", "Rate a library", "library", QuestFamily::Kind},
    {"rate_park", "Rate a park", "park", QuestFamily::Kind},
    {"rate_cafe", "Rate a caf\u00e9", "cafe", QuestFamily::Kind},
    {"rate_museum", "Rate a museum", "museum", QuestFamily::Kind},
    {"rate_cinema", "Rate a cinema", "cinema", QuestFamily::Kind},
    {"rate_youth_club", "Rate a youth club", "youth_club", QuestFamily::Kind},
    {"rate_leisure", "Rate a sports or leisure centre", "leisure", QuestFamily::Kind},
    {"rate_new_kind", "Rate a new kind of place", "map", QuestFamily::Kind},
    {"rate_quiet", "Rate a quiet place you know", "quiet", QuestFamily::Detail},
    {"tell_quiet_room", "Tell us about a place with a quiet room", "quiet_room", QuestFamily::Detail},
    {"answer_faces", "Answer all 6 face questions when you rate", "happy", QuestFamily::Detail},
    {"answer_facilities", "Tell us everything a place has", "check", QuestFamily::Detail},
    {"tell_way_in", "Tell us if a place has a step-free way in", "wheelchair", QuestFamily::Detail},
    {"suggest_place", "Suggest a place you like", "map_marker_plus", QuestFamily::Suggest},
    {"say_why", "Say why a place you suggest feels safe", "heart", QuestFamily::Suggest},
    {"suggest_new_area", "Suggest a place where the map is empty", "directions", QuestFamily::Suggest},
    {"write_comment", "Write a few words when you rate a place", "speech", QuestFamily::Words},
    {"rate_with_group", "Rate a place with your group", "group", QuestFamily::Team},
    {"join_group", "Join a group session", "greeting", QuestFamily::Team},
};

// When every badge is earned there is still something kind to do.
constexpr std::string_view kOpenEndedQuests[] = {"rate_place", "suggest_place"};

const QuestInfo& QuestById(std::string_view id) {
  for (const QuestInfo& quest : kQuests) {
    if (quest.id == id) return quest;
  }
  return kQuests[0];  // unreachable: the catalogue test checks every badge's quest exists
}

Quest MakeQuest(const QuestInfo& info, std::string_view badge_id, int have, int need) {
  return {info.id, info.text, info.icon_hint, badge_id, have, need};
}

std::vector<Quest> ChooseQuests(const std::vector<BadgeProgress>& badges) {
  struct Candidate {
    int remaining;
    int have;
    std::size_t order;
  };
  std::vector<Candidate> candidates;
  for (std::size_t i = 0; i < badges.size(); ++i) {
    if (!badges[i].earned) candidates.push_back({badges[i].need - badges[i].have, badges[i].have, i});
  }
  // Nearly earned first; among those as near, the one already started; then catalogue order.
  std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
    return std::tuple(a.remaining, -a.have, a.order) < std::tuple(b.remaining, -b.have, b.order);
  });

  std::vector<Quest> quests;
  std::set<std::string_view> chosen;
  std::set<QuestFamily> families;
  for (const bool one_per_family : {true, false}) {
    for (const Candidate& candidate : candidates) {
      if (quests.size() == kMaxQuests) return quests;
      const BadgeProgress& badge = badges[candidate.order];
      const QuestInfo& quest = QuestById(kBadgeRules[candidate.order].quest_id);
      if (chosen.count(quest.id) > 0) continue;
      if (one_per_family && families.count(quest.family) > 0) continue;
      chosen.insert(quest.id);
      families.insert(quest.family);
      quests.push_back(MakeQuest(quest, badge.id, badge.have, badge.need));
    }
  }
  for (const std::string_view id : kOpenEndedQuests) {
    if (quests.size() == kMaxQuests) break;
    if (chosen.insert(id).second) quests.push_back(MakeQuest(QuestById(id), "", 0, 0));
  }
  return quests;
}

// [SECTION] ComputeProgress

bool IsOutcome(ProgressEventKind kind) {
  return kind == ProgressEventKind::SuggestionApproved || kind == ProgressEventKind::SuggestionMerged ||
         kind == ProgressEventKind::SuggestionRejected;
}

// In the same month, the kinder outcome wins: an officer who looks again usually adds it.
int OutcomeRank(ProgressEventKind kind) {
  switch (kind) {
    case ProgressEventKind::SuggestionApproved:
      return 2;
    case ProgressEventKind::SuggestionMerged:
      return 1;
    default:
      return 0;
  }
}

// Month, then id, then everything else: a total order, so ties never depend on arrival.
bool CanonicalLess(const ProgressEvent& a, const ProgressEvent& b) {
  // Field by field with std::tie (a defaulted <=> over strings and vectors is not in every
  // standard library we build with: Emscripten's libc++ lacks it).
  const auto key = [](const ProgressEvent& e) {
    return std::tie(e.month, e.item_id, e.kind, e.place_id, e.category, e.session_id, e.scales, e.facilities,
                    e.reasons, e.first_in_area);
  };
  return key(a) < key(b);
}

// The events that may count, in canonical order: real months only, each (kind, item) once.
// Outcomes are all kept; the latest one decides.
std::vector<ProgressEvent> Canonical(std::span<const ProgressEvent> events) {
  std::vector<ProgressEvent> sorted;
  sorted.reserve(events.size());
  for (const ProgressEvent& event : events) {
    if (MonthIndex(event.month)) sorted.push_back(event);
  }
  std::sort(sorted.begin(), sorted.end(), CanonicalLess);
  std::set<std::pair<ProgressEventKind, std::string>> seen;
  std::vector<ProgressEvent> unique;
  unique.reserve(sorted.size());
  for (ProgressEvent& event : sorted) {
    if (IsOutcome(event.kind) || seen.emplace(event.kind, event.item_id).second) unique.push_back(std::move(event));
  }
  return unique;
}

struct Outcome {
  ProgressEventKind kind;
  int month;
  bool first_in_area;
};

Tally Count(const std::vector<ProgressEvent>& events) {
  // What officers decided about each suggestion: the latest month, then the kinder outcome.
  std::map<std::string, Outcome> outcomes;
  std::set<std::string> taken_back;  // withdrawn items and rejected suggestions
  for (const ProgressEvent& event : events) {
    if (event.kind == ProgressEventKind::Withdrawn) taken_back.insert(event.item_id);
    if (!IsOutcome(event.kind)) continue;
    const Outcome outcome{event.kind, *MonthIndex(event.month), event.first_in_area};
    const auto [it, added] = outcomes.emplace(event.item_id, outcome);
    if (!added && std::pair(outcome.month, OutcomeRank(outcome.kind)) >
                      std::pair(it->second.month, OutcomeRank(it->second.kind))) {
      it->second = outcome;
    }
  }
  for (const auto& [id, outcome] : outcomes) {
    if (outcome.kind == ProgressEventKind::SuggestionRejected) taken_back.insert(id);
  }

  Tally tally;
  std::map<std::string, int> last_counted_month;  // place id -> month index of its last rating that counted
  std::set<std::string> counted_ratings;
  for (const ProgressEvent& event : events) {
    if (taken_back.count(event.item_id) > 0) continue;
    switch (event.kind) {
      case ProgressEventKind::Rated: {
        // A suggestion taken back takes its place's ratings (its first rating) with it.
        if (taken_back.count(event.place_id) > 0 || !AnswersAnything(event)) break;
        const int month = *MonthIndex(event.month);
        const auto last = last_counted_month.find(event.place_id);
        if (last != last_counted_month.end() && month - last->second < kMonthsBetweenRatingsOfAPlace) break;
        last_counted_month[event.place_id] = month;
        counted_ratings.insert(event.item_id);

        ++tally.ratings;
        tally.places.insert(event.place_id);
        tally.places_by_kind[event.category].insert(event.place_id);
        tally.months.insert(event.month);
        if (std::all_of(event.scales.begin(), event.scales.end(), IsFaces)) ++tally.full_sensory;
        const std::uint8_t quiet = event.scales[IndexOf(Scale::Quiet)];
        if (quiet >= 4 && IsFaces(quiet)) tally.quiet_places.insert(event.place_id);
        if (event.facilities[IndexOf(Facility::QuietSpace)] == Answer::Yes) {
          tally.quiet_room_places.insert(event.place_id);
        }
        if (std::all_of(event.facilities.begin(), event.facilities.end(), IsAnswer)) {
          tally.facts_places.insert(event.place_id);
        }
        const Answer step_free = event.facilities[IndexOf(Facility::StepFree)];
        if (step_free == Answer::Yes || step_free == Answer::No) tally.way_in_places.insert(event.place_id);
        if (!event.session_id.empty()) tally.rated_in_sessions.insert(event.session_id);
        break;
      }
      case ProgressEventKind::Suggested: {
        ++tally.suggestions;
        if (!event.reasons.empty()) ++tally.suggestions_with_reasons;
        const auto outcome = outcomes.find(event.item_id);
        if (outcome != outcomes.end() && outcome->second.kind == ProgressEventKind::SuggestionApproved) {
          ++tally.approved;
          if (outcome->second.first_in_area) ++tally.first_in_area;
        }
        break;
      }
      case ProgressEventKind::JoinedSession:
        tally.sessions.insert(event.item_id);
        break;
      default:
        break;
    }
  }
  // Comments after ratings: an approval's month may sort before its rating's visit month.
  for (const ProgressEvent& event : events) {
    if (event.kind == ProgressEventKind::CommentApproved && counted_ratings.count(event.item_id) > 0) {
      ++tally.comments;
    }
  }
  return tally;
}

int Points(const Tally& tally) {
  return tally.ratings * kPointsRating + tally.full_sensory * kPointsFullSensoryRating +
         tally.suggestions * kPointsSuggestion + tally.approved * kPointsSuggestionApproved +
         tally.comments * kPointsCommentApproved + Size(tally.sessions) * kPointsJoinedSession;
}

}  // namespace

std::span<const BadgeInfo> Badges() { return kBadgeInfos; }

const BadgeInfo* FindBadge(std::string_view id) {
  for (const BadgeInfo& badge : kBadgeInfos) {
    if (badge.id == id) return &badge;
  }
  return nullptr;
}

std::string BadgeProgressText(const BadgeProgress& badge) {
  return std::to_string(badge.have) + " of " + std::to_string(badge.need);
}

Progress ComputeProgress(std::span<const ProgressEvent> events) {
  const Tally tally = Count(Canonical(events));

  Progress progress;
  progress.points = Points(tally);
  progress.level = LevelForPoints(progress.points);
  progress.companion = CompanionForLevel(progress.level.number);
  progress.counts = {tally.ratings,  Size(tally.places), tally.suggestions,
                     tally.approved, tally.comments,     Size(tally.sessions)};
  progress.badges.reserve(kBadgeCount);
  for (const BadgeRule& rule : kBadgeRules) {
    const int have = std::min(rule.have(tally), rule.info.need);
    progress.badges.push_back({rule.info.id, have >= rule.info.need, have, rule.info.need});
  }
  progress.quests = ChooseQuests(progress.badges);
  return progress;
}

// [SECTION] DiffProgress

ProgressChange DiffProgress(const Progress& before, const Progress& after) {
  std::set<std::string_view> had;
  for (const BadgeProgress& badge : before.badges) {
    if (badge.earned) had.insert(badge.id);
  }
  ProgressChange change;
  for (const BadgeProgress& badge : after.badges) {
    if (badge.earned && had.count(badge.id) == 0) change.new_badges.push_back(badge.id);
  }
  change.level = after.level;
  change.level_up = after.level.number > before.level.number;
  change.companion = after.companion;
  change.companion_grew = after.companion.stage > before.companion.stage;
  change.points_gained = std::max(0, after.points - before.points);
  return change;
}

// [SECTION] Team goals

namespace {
constexpr int kTeamGoalSteps[] = {10, 25, 50, 100, 150, 200, 300, 500, 750, 1000};
constexpr int kTeamGoalEvery = 500;               // places, between goals after the last step
constexpr int kTeamGoalMaxCount = 1'000'000'000;  // places; more is clamped, so goals never overflow
}  // namespace

TeamGoal NextTeamGoal(int mapped_places) {
  TeamGoal goal;
  goal.count = std::clamp(mapped_places, 0, kTeamGoalMaxCount);
  for (const int step : kTeamGoalSteps) {
    if (step <= goal.count) {
      goal.last_reached = step;
    } else {
      goal.next = step;
      break;
    }
  }
  if (goal.next == 0) {
    goal.last_reached = goal.count / kTeamGoalEvery * kTeamGoalEvery;
    goal.next = goal.last_reached + kTeamGoalEvery;
  }
  const std::string next = std::to_string(goal.next);
  if (goal.count == 0) {
    goal.sentence = "Together we can map safe spaces. First goal: " + next;
  } else {
    goal.sentence = "Together we've mapped " + std::to_string(goal.count) +
                    (goal.count == 1 ? " safe space" : " safe spaces") + ". Next goal: " + next;
  }
  return goal;
}

}  // namespace core
