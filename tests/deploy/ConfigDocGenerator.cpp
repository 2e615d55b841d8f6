//
// ConfigDocGenerator.cpp
//
// sbomop-config-doc: prints the configuration reference table of
// docs/configuration.md from the same key table that `sbom-operator --help`
// prints (BuiltinKeys::schema(), HelpPrinter::printMarkdown). The Deploy
// suite compares its output with the document.
//

#include "sbomop/config/BuiltinKeys.h"
#include "sbomop/config/HelpPrinter.h"
#include <Poco/Exception.h>
#include <iostream>

int main()
{
	try
	{
		sbomop::config::HelpPrinter::printMarkdown(std::cout, sbomop::config::BuiltinKeys::schema());
		std::cout.flush();
		return std::cout ? 0 : 1;
	}
	catch (Poco::Exception& e)
	{
		std::cerr << "sbomop-config-doc: " << e.displayText() << std::endl;
		return 1;
	}
}
