// Safe Spaces client: start, run, stop. Everything else starts in runtime.cpp (the loop)
// and app.cpp (the screens).
#include "client/runtime.h"

int main(int, char**) {
  Runtime* runtime = StartRuntime();
  if (!runtime) return 1;
  RunRuntime(runtime);
  StopRuntime(runtime);
  return 0;
}
