# Writes the migrations SERVER_FILES and DEVICE_FILES (src/store/migrations/{server,device}/
# 0001_name.sql, ...) into OUTPUT, a C++ file defining store::Migrations(Schema).
# Run by the build (cmake -P), never by hand.
# Names must be four digits, an underscore, lower-case words, ".sql", numbered from 1
# without gaps: a mistake stops the build here rather than a database later.
include("${CMAKE_CURRENT_LIST_DIR}/embed_text.cmake")

# Appends to _arrays and sets _entries_<prefix> for one schema's files.
function(embed_schema prefix files)
  set(_files ${files})
  list(SORT _files)
  set(_entries "")
  set(_arrays "${_arrays}")
  set(_expected 1)
  foreach(_file IN LISTS _files)
    get_filename_component(_name "${_file}" NAME)
    if(NOT _name MATCHES "^([0-9][0-9][0-9][0-9])_[a-z0-9_]+\\.sql$")
      message(FATAL_ERROR "Migration file name '${_name}' should look like 0002_add_places.sql "
                          "(four digits, an underscore, lower-case words).")
    endif()
    math(EXPR _version "${CMAKE_MATCH_1}")  # drops the leading zeros
    if(NOT _version EQUAL _expected)
      message(FATAL_ERROR "Migration '${_name}' (${prefix}) should be number ${_expected}: "
                          "migrations are numbered 0001, 0002, ... without gaps or repeats.")
    endif()
    math(EXPR _expected "${_expected} + 1")

    # Every byte as a \xNN escape, so no SQL text can end the C++ string early.
    embed_text_literal("${_file}" _literal)
    set(_var "k${prefix}Sql${_version}")
    string(APPEND _arrays "// ${prefix}: ${_name}\nconstexpr char ${_var}[] =${_literal};\n\n")
    set(_view "std::string_view(${_var}, sizeof(${_var}) - 1)")
    string(APPEND _entries "    Migration{${_version}, \"${_name}\", ${_view}},\n")
  endforeach()
  if(_entries STREQUAL "")
    message(FATAL_ERROR "No ${prefix} migrations found: each schema needs at least 0001_init.sql.")
  endif()
  set(_arrays "${_arrays}" PARENT_SCOPE)
  set(_entries_${prefix} "${_entries}" PARENT_SCOPE)
endfunction()

set(_arrays "")
embed_schema(Server "${SERVER_FILES}")
embed_schema(Device "${DEVICE_FILES}")

file(WRITE "${OUTPUT}.tmp"
"// Generated at build time by src/store/embed_migrations.cmake from src/store/migrations/{server,device}/.
// Do not edit: change or add a .sql file there instead.
#include \"store/migrations.h\"

namespace store {
namespace {

${_arrays}constexpr Migration kServerMigrations[] = {
${_entries_Server}};

constexpr Migration kDeviceMigrations[] = {
${_entries_Device}};

}  // namespace

std::span<const Migration> Migrations(Schema schema) {
  return schema == Schema::Server ? std::span<const Migration>(kServerMigrations)
                                  : std::span<const Migration>(kDeviceMigrations);
}

}  // namespace store
")
# Only touch the output when it changed, so an unchanged schema does not rebuild the store.
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
