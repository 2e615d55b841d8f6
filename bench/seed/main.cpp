//
// main.cpp
//
// bench-make-seed: writes the benchmark cluster (a kube-sim --seed file).
//
//   bench-make-seed --out FILE [--pods N] [--images N] [--namespaces N]
//
// Prints one line: "seed pods=N containers=N images=N namespaces=N secrets=N bytes=N".
//

#include "ClusterSeed.h"
#include <Poco/Exception.h>
#include <Poco/FileStream.h>
#include <Poco/NumberParser.h>
#include <iostream>
#include <string>

int main(int argc, char** argv)
{
	sbomop::bench::ClusterSeed::Options options;
	std::string out;
	try
	{
		for (int i = 1; i + 1 < argc; i += 2)
		{
			const std::string name = argv[i];
			const std::string value = argv[i + 1];
			if (name == "--out") out = value;
			else if (name == "--pods") options.pods = Poco::NumberParser::parseUnsigned(value);
			else if (name == "--images") options.images = Poco::NumberParser::parseUnsigned(value);
			else if (name == "--namespaces") options.namespaces = Poco::NumberParser::parseUnsigned(value);
			else throw Poco::InvalidArgumentException("unknown option", name);
		}
		if (out.empty() || argc % 2 == 0)
		{
			std::cerr << "usage: bench-make-seed --out FILE [--pods N] [--images N] [--namespaces N]" << std::endl;
			return 2;
		}
		const sbomop::bench::ClusterSeed seed(options);
		Poco::FileOutputStream stream(out);
		const auto summary = seed.write(stream);
		std::cout << "seed pods=" << summary.pods << " containers=" << summary.containers << " images=" << summary.uniqueImages
			<< " namespaces=" << summary.namespaces << " secrets=" << summary.secrets << " bytes=" << summary.bytes << std::endl;
	}
	catch (Poco::Exception& e)
	{
		std::cerr << "bench-make-seed: " << e.displayText() << std::endl;
		return 1;
	}
	return 0;
}
