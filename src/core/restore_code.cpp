// This is the implementation of restore_code.h: the word list, making and reading codes,
// and SHA-256 (small and plain, so core needs no crypto library). The list is here rather
// than in a file so the web client and the server carry the very same one.
#include "core/restore_code.h"

#include <algorithm>
#include <cstdio>
#include <vector>

namespace core {
namespace {

// [SECTION] The words (sorted; checked by core_restore_code_test)
constexpr std::array<std::string_view, kRestoreWordCount> kWords = {
    "able", "acorn", "acre", "actor", "album", "alcove", "alley", "almond", "amber", "anchor",
    "angle", "ant", "ape", "apple", "apricot", "april", "apron", "arch", "arena", "arrow",
    "artist", "atlas", "atom", "attic", "august", "author", "autumn", "avocado", "badge", "badger",
    "bag", "bagel", "bake", "baker", "bakery", "balcony", "ball", "balloon", "bamboo", "banana",
    "banjo", "bank", "banner", "barn", "barrel", "basil", "basin", "basket", "bat", "bay",
    "beach", "beacon", "beaker", "bean", "bee", "beet", "beetle", "beige", "bell", "belt",
    "bench", "berry", "bike", "bingo", "birch", "bird", "biscuit", "bison", "black", "blanket",
    "blink", "bloom", "blossom", "blue", "boat", "bobcat", "bold", "bolt", "book", "boot",
    "bottle", "bounce", "bowl", "box", "branch", "brave", "bread", "breeze", "brick", "bridge",
    "bright", "bronze", "brook", "broom", "brown", "brownie", "brush", "bucket", "bud", "buffalo",
    "build", "builder", "bulldog", "bunny", "burrito", "bush", "busy", "butter", "button", "cabbage",
    "cabin", "cable", "cactus", "cafe", "cake", "calf", "calm", "camel", "camera", "camp",
    "canal", "canary", "candle", "candy", "canoe", "canyon", "cap", "captain", "caramel", "card",
    "caribou", "carpet", "carrot", "carry", "cart", "cashew", "castle", "cat", "catch", "cave",
    "cedar", "celery", "cello", "chain", "chair", "chalk", "chapel", "chase", "cheddar", "cheer",
    "cheery", "cheese", "cheetah", "chef", "cherry", "chess", "chick", "chime", "chimney", "chips",
    "chirpy", "choir", "chord", "circle", "citrus", "city", "clam", "clap", "clean", "clever",
    "cliff", "climb", "cloak", "clock", "cloud", "clove", "clover", "coach", "coat", "cocoa",
    "coconut", "cod", "colt", "comb", "comet", "compass", "condor", "cone", "cook", "cookie",
    "cool", "coral", "cord", "corn", "corner", "cosmos", "cosy", "cottage", "cotton", "couch",
    "count", "court", "cove", "cow", "cowboy", "coyote", "crab", "crane", "crater", "crawl",
    "crayon", "cream", "creek", "crepe", "cricket", "crisp", "crouton", "crow", "crown", "crumb",
    "crystal", "cub", "cube", "cuddle", "cuddly", "cup", "cupcake", "curly", "curry", "curtain",
    "cushion", "custard", "cute", "daisy", "dance", "dancer", "dapper", "date", "dawn", "day",
    "den", "denim", "desert", "desk", "diamond", "dice", "dig", "dingo", "dish", "dive",
    "dock", "doctor", "dog", "dolphin", "dome", "domino", "donkey", "donut", "door", "doorway",
    "dot", "dough", "dove", "draw", "dream", "dress", "drift", "driver", "drum", "dryer",
    "duck", "dune", "eager", "eagle", "early", "earth", "easel", "easy", "echo", "eclair",
    "edge", "eel", "egg", "elk", "emu", "engine", "epic", "evening", "explore", "fair",
    "falafel", "falcon", "fan", "fancy", "farm", "farmer", "fast", "fawn", "feather", "fence",
    "fern", "ferret", "ferry", "fiddle", "field", "fig", "finch", "fish", "flag", "flint",
    "float", "flower", "fluffy", "flute", "fly", "foal", "fog", "fold", "forest", "fork",
    "fort", "fox", "frame", "free", "fresh", "friday", "friend", "frog", "frost", "fudge",
    "funnel", "funny", "fuzzy", "galaxy", "game", "garage", "garden", "garlic", "gate", "gather",
    "gazebo", "gazelle", "gear", "gecko", "gentle", "gerbil", "giant", "giggle", "ginger", "giraffe",
    "glacier", "glad", "glide", "globe", "glove", "glowing", "glue", "goal", "goat", "goggles",
    "gold", "golden", "gong", "good", "goose", "gopher", "gorilla", "gown", "grand", "granite",
    "granola", "grape", "grass", "gravy", "gray", "great", "green", "grid", "grizzly", "grove",
    "grow", "guava", "guide", "guitar", "gull", "hall", "hammer", "hammock", "hamster", "handy",
    "hangar", "happy", "harbour", "harp", "hat", "hawk", "hearty", "helmet", "helper", "helpful",
    "hen", "hero", "heron", "hike", "hill", "hippo", "hobby", "honest", "honey", "hood",
    "hook", "hoop", "hop", "hope", "horn", "horse", "hotel", "hound", "house", "hug",
    "huge", "hum", "humble", "hummus", "hut", "ice", "idea", "igloo", "iguana", "impala",
    "indigo", "inn", "invent", "iron", "island", "ivory", "ivy", "jackal", "jacket", "jade",
    "jaguar", "jam", "jar", "jay", "jazzy", "jeans", "jelly", "jetty", "jigsaw", "jog",
    "jolly", "joy", "joyful", "judge", "juggle", "juice", "july", "jump", "june", "jungle",
    "kale", "kayak", "keen", "kestrel", "ketchup", "kettle", "key", "kick", "kilt", "kind",
    "king", "kitchen", "kite", "kitten", "kiwi", "knit", "koala", "ladder", "ladle", "lagoon",
    "lake", "lamb", "lamp", "lane", "lantern", "large", "lark", "lasagna", "lasso", "laugh",
    "lava", "leaf", "leap", "learn", "lemon", "lemur", "lens", "lentil", "lettuce", "level",
    "library", "lift", "lilac", "lily", "lime", "line", "linen", "lion", "listen", "lively",
    "lizard", "llama", "lobster", "lock", "locket", "loop", "luck", "lucky", "lynx", "magic",
    "magnet", "magpie", "mallet", "mambo", "mammoth", "manatee", "mango", "map", "maple", "marble",
    "march", "market", "maroon", "marsh", "mask", "may", "maze", "meadow", "meerkat", "mellow",
    "melody", "merry", "metal", "mighty", "mild", "milk", "mill", "mink", "minnow", "mint",
    "mirror", "mitt", "mitten", "mix", "modern", "mole", "monday", "moon", "moose", "moss",
    "moth", "mouse", "mud", "muffin", "mug", "mule", "munch", "museum", "music", "mustard",
    "nacho", "nail", "nap", "napkin", "narwhal", "navy", "neat", "nectar", "net", "newt",
    "nibble", "nice", "nickel", "nifty", "night", "noble", "noodle", "noon", "note", "nurse",
    "nut", "oak", "oar", "oat", "oboe", "ocean", "ocelot", "october", "octopus", "office",
    "olive", "omelet", "onion", "opal", "orange", "orbit", "orchid", "organ", "osprey", "otter",
    "oval", "oven", "owl", "oyster", "paddle", "paint", "painter", "palace", "palm", "pan",
    "pancake", "panda", "panther", "papaya", "paper", "parcel", "park", "parrot", "parsley", "pasta",
    "pastry", "path", "peach", "peanut", "pearl", "pebble", "pecan", "pelican", "pen", "pencil",
    "penguin", "pepper", "perky", "pesto", "petal", "piano", "pickle", "pie", "pier", "pigeon",
    "piglet", "pillow", "pilot", "pin", "pine", "pink", "pipe", "pirate", "pita", "pixel",
    "pizza", "planet", "plant", "plate", "play", "player", "plaza", "plucky", "plum", "pocket",
    "poet", "polite", "polka", "pond", "ponder", "pony", "poodle", "popcorn", "poppy", "porch",
    "possum", "potato", "prairie", "pretzel", "prince", "print", "prism", "proud", "pudding", "puddle",
    "puffin", "pulse", "pumpkin", "puppy", "purple", "puzzle", "quail", "quartz", "queen", "quest",
    "quiche", "quick", "quiet", "quilt", "rabbit", "race", "radio", "radish", "raft", "rain",
    "rainbow", "raisin", "rake", "ranger", "rapid", "rattle", "raven", "ravioli", "ray", "reader",
    "ready", "red", "reef", "relax", "rest", "rhubarb", "rhythm", "ribbon", "rice", "rich",
    "ride", "rider", "ridge", "ring", "risotto", "river", "road", "robe", "robin", "robot",
    "rock", "rocket", "rodeo", "roll", "room", "rooster", "rope", "rose", "round", "royal",
    "ruby", "rug", "ruler", "run", "saddle", "safe", "sage", "sailor", "salad", "salmon",
    "salsa", "salt", "sand", "sandal", "sardine", "satchel", "sauce", "saucer", "scarf", "scarlet",
    "school", "scone", "scoop", "score", "scout", "seagull", "seal", "season", "seed", "sesame",
    "shape", "share", "sheep", "shelf", "shell", "shiny", "ship", "shirt", "shoe", "shop",
    "shore", "shovel", "shrew", "shrimp", "silk", "silly", "silver", "simple", "sing", "singer",
    "sink", "skate", "skater", "sketch", "skip", "skirt", "skunk", "sky", "sled", "sleek",
    "slide", "slipper", "sloth", "slug", "smart", "smile", "smooth", "snail", "snow", "snowy",
    "snug", "sock", "sofa", "soft", "soil", "solid", "song", "sorbet", "soup", "spade",
    "spaniel", "spark", "sparkly", "sparrow", "speedy", "spin", "spinach", "spinner", "spiral", "splash",
    "sponge", "spoon", "sport", "spring", "sprint", "sprout", "spry", "square", "squash", "squid",
    "stable", "stack", "stage", "stamp", "star", "steady", "stew", "stone", "stool", "stork",
    "stream", "street", "stretch", "stripe", "stroll", "studio", "sturdy", "sugar", "summer", "summit",
    "sun", "sunday", "sunny", "sunset", "super", "surf", "surfer", "sushi", "swan", "sweater",
    "sweet", "swift", "swim", "swing", "syrup", "table", "tablet", "taco", "talk", "tall",
    "tame", "tan", "tango", "tart", "tassel", "teacher", "teal", "team", "teapot", "temple",
    "tempo", "tent", "terrier", "theatre", "thimble", "thread", "throw", "ticket", "tickle", "tidy",
    "tie", "tiger", "tin", "tiny", "toad", "toast", "toffee", "tofu", "tomato", "torch",
    "toss", "toucan", "towel", "tower", "town", "toy", "track", "travel", "tray", "tree",
    "trophy", "trout", "truck", "truffle", "trumpet", "tub", "tuba", "tulip", "tuna", "tundra",
    "tune", "tunic", "tunnel", "turkey", "turnip", "turtle", "tutor", "twig", "twirl", "ukulele",
    "upbeat", "valley", "vanilla", "vase", "veggie", "velvet", "vest", "village", "violet", "violin",
    "visit", "visor", "vivid", "volcano", "vortex", "wafer", "waffle", "wagon", "wallaby", "wallet",
    "walnut", "walrus", "wand", "wander", "warm", "watch", "wave", "wavy", "weasel", "wedge",
    "week", "whale", "wheel", "whisper", "whistle", "white", "wiggle", "willow", "wind", "window",
    "windy", "wink", "winter", "wise", "wish", "witty", "wizard", "wolf", "wombat", "wonder",
    "woods", "wool", "woolly", "worm", "wreath", "wren", "wrist", "writer", "yak", "yard",
    "yarn", "yawn", "year", "yellow", "yodel", "yogurt", "young", "zebra", "zesty", "zigzag",
    "zipper", "zippy", "zoo", "zoom",
};

bool IsSeparator(char c) { return c == ' ' || c == '-' || c == '.' || c == ',' || c == '_' || c == '\t'; }

// [SECTION] SHA-256

constexpr std::array<std::uint32_t, 64> kRound = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

std::uint32_t Rotr(std::uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }

void Compress(std::array<std::uint32_t, 8>& h, const std::uint8_t* block) {
  std::array<std::uint32_t, 64> w{};
  for (int i = 0; i < 16; ++i)
    w[i] = std::uint32_t{block[4 * i]} << 24 | std::uint32_t{block[4 * i + 1]} << 16 |
           std::uint32_t{block[4 * i + 2]} << 8 | std::uint32_t{block[4 * i + 3]};
  for (int i = 16; i < 64; ++i) {
    const std::uint32_t s0 = Rotr(w[i - 15], 7) ^ Rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
    const std::uint32_t s1 = Rotr(w[i - 2], 17) ^ Rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
    w[i] = w[i - 16] + s0 + w[i - 7] + s1;
  }
  std::uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], k = h[7];
  for (int i = 0; i < 64; ++i) {
    const std::uint32_t t1 = k + (Rotr(e, 6) ^ Rotr(e, 11) ^ Rotr(e, 25)) + ((e & f) ^ (~e & g)) + kRound[i] + w[i];
    const std::uint32_t t2 = (Rotr(a, 2) ^ Rotr(a, 13) ^ Rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
    k = g;
    g = f;
    f = e;
    e = d + t1;
    d = c;
    c = b;
    b = a;
    a = t1 + t2;
  }
  h[0] += a, h[1] += b, h[2] += c, h[3] += d, h[4] += e, h[5] += f, h[6] += g, h[7] += k;
}

}  // namespace

std::span<const std::string_view, kRestoreWordCount> RestoreWords() { return kWords; }

std::string MakeRestoreCode(std::span<const std::uint8_t, kRestoreCodeBytes> random) {
  std::uint64_t bits = 0;
  for (std::uint8_t byte : random) bits = bits << 8 | byte;
  std::string code;
  for (int i = kRestoreCodeWords - 1; i >= 0; --i) {
    if (!code.empty()) code += '-';
    code += kWords[(bits >> (10 * i)) & 0x3FF];
  }
  return code;
}

std::optional<std::string> NormaliseRestoreCode(std::string_view typed) {
  if (typed.size() > kMaxRestoreCodeText) return std::nullopt;
  std::vector<std::string> words(1);
  for (char c : typed) {
    if (IsSeparator(c)) {
      if (!words.back().empty()) words.emplace_back();
    } else if (c >= 'A' && c <= 'Z') {
      words.back() += static_cast<char>(c - 'A' + 'a');
    } else if (c >= 'a' && c <= 'z') {
      words.back() += c;
    } else {
      return std::nullopt;
    }
  }
  if (words.back().empty()) words.pop_back();
  if (words.size() != static_cast<std::size_t>(kRestoreCodeWords)) return std::nullopt;
  std::string code;
  for (const std::string& word : words) {
    if (!std::binary_search(kWords.begin(), kWords.end(), std::string_view(word))) return std::nullopt;
    if (!code.empty()) code += '-';
    code += word;
  }
  return code;
}

std::string RestoreCodeHash(std::string_view normalised_code) {
  return Sha256Hex("safespaces-restore-code-v1:" + std::string(normalised_code));
}

std::string Sha256Hex(std::string_view bytes) {
  std::array<std::uint32_t, 8> h = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                    0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
  std::string padded(bytes);
  const std::uint64_t bit_length = static_cast<std::uint64_t>(bytes.size()) * 8;
  padded += static_cast<char>(0x80);
  while (padded.size() % 64 != 56) padded += '\0';
  for (int shift = 56; shift >= 0; shift -= 8) padded += static_cast<char>((bit_length >> shift) & 0xFF);
  for (std::size_t at = 0; at < padded.size(); at += 64)
    Compress(h, reinterpret_cast<const std::uint8_t*>(padded.data() + at));
  std::string hex;
  char part[9];
  for (std::uint32_t word : h) {
    std::snprintf(part, sizeof(part), "%08x", word);
    hex += part;
  }
  return hex;
}

}  // namespace core
