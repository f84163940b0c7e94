# Third-party libraries as CMake targets, for the native and the web build alike:
#   ss::imgui       Dear ImGui 1.86 core, compiled from Debian's source (no backends)
#   ss::imgui_sdl   ImGui's SDL2 + OpenGL3 backends, with SDL2 and GL
#   ss::sqlite      SQLite 3.40 (Debian's library natively, our wasm build on the web)
#   ss::json        nlohmann-json (header-only)
# Native-only: ss::httplib (cpp-httplib), ss::sodium (libsodium: Argon2id for staff
# passwords), ss::qrencode (libqrencode: the QR codes of session join links), ZLIB::ZLIB,
# Catch2::Catch2.

set(SAFESPACES_IMGUI_DIR "${SAFESPACES_CACHE}/src/imgui-1.86+ds")
if(NOT EXISTS "${SAFESPACES_IMGUI_DIR}/imgui.h")
  message(FATAL_ERROR "Dear ImGui source not found in ${SAFESPACES_IMGUI_DIR}: run tools/setup.sh first.")
endif()

# nlohmann-json: expose only its own folder, never all of /usr/include (the web build
# must not see glibc's headers).
set(_json_stage "${CMAKE_BINARY_DIR}/third_party_include")
file(MAKE_DIRECTORY "${_json_stage}")
if(NOT EXISTS "${_json_stage}/nlohmann")
  file(CREATE_LINK /usr/include/nlohmann "${_json_stage}/nlohmann" SYMBOLIC)
endif()
add_library(ss_json INTERFACE)
target_include_directories(ss_json SYSTEM INTERFACE "${_json_stage}")
target_compile_definitions(ss_json INTERFACE JSON_NO_IO=0)
add_library(ss::json ALIAS ss_json)

if(SAFESPACES_WEB)
  file(SHA256 "${PROJECT_SOURCE_DIR}/tools/wasm-deps/CMakeLists.txt" _recipe_hash)
  string(SUBSTRING "${_recipe_hash}" 0 12 _recipe_hash)
  set(SAFESPACES_WASM_PREFIX "${SAFESPACES_CACHE}/wasm/sdl2-2.26.5-sqlite-3.40.1-emcc-3.1.6-${_recipe_hash}")
  if(NOT EXISTS "${SAFESPACES_WASM_PREFIX}/lib/libSDL2.a")
    message(FATAL_ERROR "SDL2 for WebAssembly not found in ${SAFESPACES_WASM_PREFIX}: run tools/setup.sh first.")
  endif()

  add_library(ss_sdl2 STATIC IMPORTED)
  set_target_properties(ss_sdl2 PROPERTIES
    IMPORTED_LOCATION "${SAFESPACES_WASM_PREFIX}/lib/libSDL2.a"
    INTERFACE_INCLUDE_DIRECTORIES "${SAFESPACES_WASM_PREFIX}/include/SDL2")
  target_link_options(ss_sdl2 INTERFACE -sMAX_WEBGL_VERSION=2 -sMIN_WEBGL_VERSION=2)

  add_library(ss_sqlite STATIC IMPORTED)
  set_target_properties(ss_sqlite PROPERTIES
    IMPORTED_LOCATION "${SAFESPACES_WASM_PREFIX}/lib/libsqlite3.a"
    INTERFACE_INCLUDE_DIRECTORIES "${SAFESPACES_WASM_PREFIX}/include")
else()
  find_package(SDL2 REQUIRED)
  find_package(OpenGL REQUIRED)
  find_package(SQLite3 REQUIRED)
  find_package(ZLIB REQUIRED)
  find_package(Catch2 2 REQUIRED)
  find_package(PkgConfig REQUIRED)
  pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)
  add_library(ss::httplib ALIAS PkgConfig::HTTPLIB)
  pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium)
  add_library(ss::sodium ALIAS PkgConfig::SODIUM)
  pkg_check_modules(QRENCODE REQUIRED IMPORTED_TARGET libqrencode)
  add_library(ss::qrencode ALIAS PkgConfig::QRENCODE)

  add_library(ss_sdl2 INTERFACE)
  target_link_libraries(ss_sdl2 INTERFACE SDL2::SDL2 OpenGL::GL ${CMAKE_DL_LIBS})
  add_library(ss_sqlite INTERFACE)
  target_link_libraries(ss_sqlite INTERFACE SQLite::SQLite3)
endif()
add_library(ss::sqlite ALIAS ss_sqlite)

# Dear ImGui, compiled with our imconfig (test-engine item hooks feed the widget layer).
add_library(ss_imgui STATIC
  "${SAFESPACES_IMGUI_DIR}/imgui.cpp"
  "${SAFESPACES_IMGUI_DIR}/imgui_draw.cpp"
  "${SAFESPACES_IMGUI_DIR}/imgui_tables.cpp"
  "${SAFESPACES_IMGUI_DIR}/imgui_widgets.cpp")
target_include_directories(ss_imgui SYSTEM PUBLIC "${SAFESPACES_IMGUI_DIR}")
target_include_directories(ss_imgui PUBLIC "${PROJECT_SOURCE_DIR}/src/client/imgui_config")
target_compile_definitions(ss_imgui PUBLIC IMGUI_USER_CONFIG="safespaces_imconfig.h")
target_compile_options(ss_imgui PRIVATE -w)  # third-party: not our warnings to fix
add_library(ss::imgui ALIAS ss_imgui)

add_library(ss_imgui_sdl STATIC
  "${SAFESPACES_IMGUI_DIR}/backends/imgui_impl_sdl.cpp"
  "${SAFESPACES_IMGUI_DIR}/backends/imgui_impl_opengl3.cpp")
target_include_directories(ss_imgui_sdl SYSTEM PUBLIC "${SAFESPACES_IMGUI_DIR}/backends")
target_link_libraries(ss_imgui_sdl PUBLIC ss_imgui ss_sdl2)
if(SAFESPACES_WEB)
  target_compile_definitions(ss_imgui_sdl PRIVATE IMGUI_IMPL_OPENGL_ES3)
endif()
target_compile_options(ss_imgui_sdl PRIVATE -w)
add_library(ss::imgui_sdl ALIAS ss_imgui_sdl)
