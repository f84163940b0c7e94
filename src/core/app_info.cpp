// This is the implementation of app_info.h: the version comes from CMake's project().
#include "core/app_info.h"

namespace core {

std::string_view AppName() { return "Safe Spaces"; }
std::string_view AppVersion() { return SAFESPACES_VERSION; }

}  // namespace core
