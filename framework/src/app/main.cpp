//
// main.cpp
//
// Entry point of the sbom-operator host executable.
//

#include "sbomop/app/OperatorApplication.h"

int main(int argc, char** argv)
{
	return sbomop::app::OperatorApplication::run(argc, argv);
}
