//
// Sbomop.h
//
// Library-wide definitions of libsbomop: the export macro and the plugin API
// version that the host checks when it loads a backend plugin.
//

#ifndef SBOMOP_Sbomop_INCLUDED
#define SBOMOP_Sbomop_INCLUDED

#if defined(SBOMOP_EXPORTS)
#define SBOMOP_API __attribute__((visibility("default")))
#else
#define SBOMOP_API __attribute__((visibility("default")))
#endif

#endif // SBOMOP_Sbomop_INCLUDED
