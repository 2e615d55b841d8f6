# The git storage target (libgit2 over HTTP(S), GitHub App installation tokens).
find_package(PkgConfig REQUIRED)
pkg_check_modules(LIBGIT2 REQUIRED IMPORTED_TARGET libgit2)
list(APPEND SBOMOP_PRIVATE_LIBS PkgConfig::LIBGIT2)
list(APPEND SBOMOP_SOURCES
  src/targets/git/GitCredentials.cpp
  src/targets/git/GitException.cpp
  src/targets/git/GitHubAppTokenSource.cpp
  src/targets/git/GitPathMapper.cpp
  src/targets/git/GitRepository.cpp
  src/targets/git/GitTarget.cpp
  src/targets/git/GitTransport.cpp
)
