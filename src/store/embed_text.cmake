# embed_text_literal(FILE OUT_VAR): the bytes of FILE as the body of a C++ string literal,
# every byte a \xNN escape (so no text can end the string early), 32 bytes to a line.
# Included by the build's embedding scripts (embed_migrations.cmake,
# embed_screening_lists.cmake), which run with cmake -P; never by hand.
function(embed_text_literal file out_var)
  file(READ "${file}" _hex HEX)
  string(LENGTH "${_hex}" _hex_length)
  set(_literal "")
  set(_at 0)
  while(_at LESS _hex_length)
    string(SUBSTRING "${_hex}" ${_at} 64 _chunk)
    string(REGEX REPLACE "([0-9a-f][0-9a-f])" "\\\\x\\1" _chunk "${_chunk}")
    string(APPEND _literal "\n    \"${_chunk}\"")
    math(EXPR _at "${_at} + 64")
  endwhile()
  if(_literal STREQUAL "")
    set(_literal " \"\"")
  endif()
  set(${out_var} "${_literal}" PARENT_SCOPE)
endfunction()
