//
// NotAPlugin.cpp
//
// An ordinary shared library: the host must say it is not a backend plugin.
//

extern "C" __attribute__((visibility("default"))) int sbomopTestAnswer()
{
	return 42;
}
