// The proof that the order of arrival never matters (issue 3, 5a): several simulated
// devices each make a sequence of items (ratings, suggestions, withdrawals, some broken),
// split into batches; the batches reach fresh ":memory:" servers in many random orders,
// some twice, some grouped into one transaction; every server must end in exactly the
// state of delivering each batch once in order. Fixed seed, so a failure repeats.
#include <catch2/catch.hpp>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "core/profile.h"
#include "core_samples.h"
#include "store/database.h"
#include "store/server_store.h"
#include "store_sync_samples.h"

namespace {

using sync_samples::MakeRating;
using sync_samples::MakeSuggestion;
using sync_samples::MakeWithdrawal;
using sync_samples::Uuid;

constexpr std::int64_t kNow = 1715000000;  // May 2024
constexpr int kRounds = 40;                // scenarios, each with its own devices and items
constexpr int kOrdersPerRound = 6;         // random deliveries compared with the in-order one
constexpr int kDevices = 4;
constexpr int kItemsPerDevice = 40;

using Batch = std::vector<core::OutboxItem>;

// Makes every device's items. Ids are unique across the scenario, so "the first copy
// wins" never decides anything here: any difference would be a real order dependence.
std::vector<Batch> MakeScenario(std::mt19937& random, std::uint64_t id_base) {
  std::uint64_t next_id = id_base;
  // Places anyone may rate: some will be suggested in this scenario, some never are.
  std::vector<std::string> place_ids;
  for (int i = 0; i < 6; ++i) place_ids.push_back(Uuid(next_id++));
  std::vector<bool> suggested(place_ids.size(), false);

  std::vector<Batch> batches;
  for (int d = 0; d < kDevices; ++d) {
    const std::string device = Uuid(next_id++);
    std::vector<core::OutboxItem> items;
    std::vector<std::string> own_targets;  // what this device may take back
    for (int i = 0; i < kItemsPerDevice; ++i) {
      const unsigned roll = random() % 100;
      const unsigned seed = random();
      if (roll < 12) {  // suggest one of the places nobody suggested yet
        const auto free = std::find(suggested.begin(), suggested.end(), false);
        if (free == suggested.end()) continue;
        *free = true;
        const std::string& place = place_ids[static_cast<std::size_t>(free - suggested.begin())];
        core::Suggestion suggestion = MakeSuggestion(place, device, Uuid(next_id++), seed);
        own_targets.push_back(suggestion.id);
        own_targets.push_back(suggestion.first_rating.id);
        items.push_back({std::move(suggestion)});
      } else if (roll < 70) {
        core::Rating rating = MakeRating(Uuid(next_id++), place_ids[random() % place_ids.size()], device, seed);
        own_targets.push_back(rating.id);
        items.push_back({std::move(rating)});
      } else if (roll < 85 && !own_targets.empty()) {
        items.push_back({MakeWithdrawal(Uuid(next_id++), device, own_targets[random() % own_targets.size()])});
      } else if (roll < 90 && !own_targets.empty()) {
        // Someone else's id, or one that never comes: accepted, and must do nothing.
        items.push_back({MakeWithdrawal(Uuid(next_id++), device, Uuid(id_base + random() % 400))});
      } else {
        core::Rating broken = MakeRating(Uuid(next_id++), place_ids[random() % place_ids.size()], device, seed);
        if (seed % 2) {
          broken.visit_month = "2031-02";
        } else {
          broken.scales.fill(0);
          broken.facilities.fill(core::Answer::Unanswered);
        }
        items.push_back({std::move(broken)});
      }
    }
    // A device sends in batches of 1 to 8, and sometimes re-sends a batch it was not
    // sure about (a retry after a lost answer).
    for (std::size_t at = 0; at < items.size();) {
      const std::size_t size = std::min<std::size_t>(1 + random() % 8, items.size() - at);
      Batch batch(items.begin() + static_cast<std::ptrdiff_t>(at),
                  items.begin() + static_cast<std::ptrdiff_t>(at + size));
      batches.push_back(batch);
      if (random() % 5 == 0) batches.push_back(batch);
      at += size;
    }
  }
  return batches;
}

store::Database FreshDatabase() {
  std::string error;
  std::optional<store::Database> db = store::Database::Open(":memory:", error);
  INFO(error);
  REQUIRE(db);
  return std::move(*db);
}

// Delivers `order` (indexes into batches); `group` batches share one transaction, as
// group commit does with concurrent requests.
void Deliver(store::ServerStore& store, const std::vector<Batch>& batches, const std::vector<std::size_t>& order,
             std::size_t group) {
  for (std::size_t at = 0; at < order.size(); at += group) {
    REQUIRE(store.Begin());
    for (std::size_t i = at; i < std::min(order.size(), at + group); ++i)
      for (const core::OutboxItem& item : batches[order[i]]) {
        INFO(store.Error());
        REQUIRE(store.Apply(item, samples::Today(), kNow));
      }
    INFO(store.Error());
    REQUIRE(store.Commit());
  }
}

// The state after delivery, then after the same officer approvals.
nlohmann::json StateOf(store::Database& db, store::ServerStore& store) {
  nlohmann::json state = {{"before_approval", sync_samples::CanonicalDump(db)}};
  const std::vector<std::string> ids = store::AllPlaceIds(db);
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (i % 3 == 2) continue;
    std::optional<core::ApiError> error =
        i % 3 == 0 ? store.ApprovePlace(ids[i]) : store.RejectPlace(ids[i], core::NotAddedReason::NeedMoreDetail);
    CHECK_FALSE(error);
  }
  for (const std::string& id : ids) {
    const std::optional<store::StoredPlace> place = store::LoadPlace(db, id);
    REQUIRE(place);
    CHECK(place->profile == core::Aggregate(store::LiveRatingsOf(db, id)));
  }
  state["after_approval"] = sync_samples::CanonicalDump(db);
  return state;
}

}  // namespace

TEST_CASE("any order, repetition or grouping of batches from several devices gives the same state",
          "[store][sync][order]") {
  std::mt19937 random(31337);
  int places_seen = 0, withdrawn_seen = 0, feed_seen = 0;
  for (int round = 0; round < kRounds; ++round) {
    const std::vector<Batch> batches = MakeScenario(random, 1'000'000ull * (round + 1));
    std::vector<std::size_t> in_order(batches.size());
    for (std::size_t i = 0; i < in_order.size(); ++i) in_order[i] = i;

    store::Database reference_db = FreshDatabase();
    store::ServerStore reference_store(reference_db);
    Deliver(reference_store, batches, in_order, 1);
    const nlohmann::json expected = StateOf(reference_db, reference_store);
    places_seen += static_cast<int>(expected["before_approval"]["places"].size());
    withdrawn_seen +=
        expected["before_approval"]["counts"][3].get<int>() - expected["before_approval"]["counts"][4].get<int>();
    feed_seen += static_cast<int>(expected["after_approval"]["feed"].size());

    for (int o = 0; o < kOrdersPerRound; ++o) {
      std::vector<std::size_t> order = in_order;
      std::shuffle(order.begin(), order.end(), random);
      const std::size_t copies = random() % (order.size() / 2 + 1);
      for (std::size_t c = 0; c < copies; ++c)
        order.insert(order.begin() + static_cast<std::ptrdiff_t>(random() % (order.size() + 1)),
                     order[random() % order.size()]);
      const std::size_t group = 1 + random() % 6;

      store::Database db = FreshDatabase();
      store::ServerStore store(db);
      Deliver(store, batches, order, group);
      const nlohmann::json actual = StateOf(db, store);
      INFO("round " << round << ", order " << o << ", group " << group);
      if (actual != expected) {
        INFO("expected: " << expected.dump());
        INFO("actual:   " << actual.dump());
        FAIL("the state depends on the order of delivery");
      }
    }
  }
  // The scenarios really exercised what they are meant to.
  CHECK(places_seen > kRounds * 3);
  CHECK(withdrawn_seen > kRounds * 2);
  CHECK(feed_seen > kRounds);
}
