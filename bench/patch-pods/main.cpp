//
// main.cpp
//
// bench-patch-pods: sends one JSON merge patch per pod, one after the other,
// through the operator's Kubernetes client (as the operator's PodAnnotator
// does), with a chosen client-side rate limit. Separates what the
// annotation phase of a cycle costs on the wire from what the rate limit
// adds.
//
//   bench-patch-pods --kubeconfig FILE --pods FILE [--qps Q] [--burst N]
//
// FILE lists "<namespace> <name>" per line. --qps 0 (the default here)
// disables the rate limit. Prints "patches=N failed=N seconds=S per_second=R".
//

#include <sbomop/kube/ClusterConnectionLoader.h>
#include <sbomop/kube/KubeClient.h>
#include <sbomop/kube/KubeClientSettings.h>
#include <sbomop/kube/ResourceType.h>
#include <Poco/Exception.h>
#include <Poco/FileStream.h>
#include <Poco/Logger.h>
#include <Poco/NumberParser.h>
#include <Poco/Stopwatch.h>
#include <iostream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

int main(int argc, char** argv)
{
	std::string kubeconfig, podsFile;
	sbomop::kube::KubeClientSettings settings;
	settings.qps = 0;
	try
	{
		for (int i = 1; i + 1 < argc; i += 2)
		{
			const std::string name = argv[i];
			const std::string value = argv[i + 1];
			if (name == "--kubeconfig") kubeconfig = value;
			else if (name == "--pods") podsFile = value;
			else if (name == "--qps") settings.qps = Poco::NumberParser::parseFloat(value);
			else if (name == "--burst") settings.burst = Poco::NumberParser::parse(value);
			else throw Poco::InvalidArgumentException("unknown option", name);
		}
		if (kubeconfig.empty() || podsFile.empty() || argc % 2 == 0)
		{
			std::cerr << "usage: bench-patch-pods --kubeconfig FILE --pods FILE [--qps Q] [--burst N]" << std::endl;
			return 2;
		}
	}
	catch (Poco::Exception& e)
	{
		std::cerr << "bench-patch-pods: " << e.displayText() << std::endl;
		return 2;
	}
	Poco::Logger::root().setLevel(Poco::Message::PRIO_WARNING);
	try
	{
		std::vector<std::pair<std::string, std::string>> pods;
		Poco::FileInputStream in(podsFile);
		std::string line;
		while (std::getline(in, line))
		{
			std::istringstream fields(line);
			std::string ns, name;
			if (fields >> ns >> name) pods.emplace_back(ns, name);
		}
		sbomop::kube::KubeClient client(
			sbomop::kube::ClusterConnectionLoader::load(kubeconfig, "", sbomop::kube::ClusterConnectionLoader::processEnvironment()),
			settings);
		sbomop::kube::WriteOptions options;
		options.fieldManager = "sbom-operator-bench";
		options.idempotent = true;
		const std::string patch = "{\"metadata\":{\"annotations\":{\"bench.sbom-operator.io/raw-patch\":\"done\"}}}";
		std::size_t failed = 0;
		Poco::Stopwatch watch;
		watch.start();
		for (const auto& pod: pods)
		{
			try
			{
				client.patch(sbomop::kube::ResourceType::PODS, pod.first, pod.second, sbomop::kube::PatchType::Merge, patch, options);
			}
			catch (Poco::Exception& e)
			{
				if (failed++ == 0) std::cerr << "bench-patch-pods: " << pod.first << "/" << pod.second << ": " << e.displayText() << std::endl;
			}
		}
		const double seconds = watch.elapsed() / 1e6;
		std::cout << "patches=" << pods.size() << " failed=" << failed << " seconds=" << seconds
			<< " per_second=" << (seconds > 0 ? static_cast<double>(pods.size()) / seconds : 0.0) << std::endl;
		return failed == 0 ? 0 : 1;
	}
	catch (Poco::Exception& e)
	{
		std::cerr << "bench-patch-pods: " << e.displayText() << std::endl;
		return 1;
	}
}
