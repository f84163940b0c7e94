# Warnings for our own code only (third-party targets do not get these).
function(safespaces_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wno-missing-field-initializers)
endfunction()
