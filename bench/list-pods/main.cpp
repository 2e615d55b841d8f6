//
// main.cpp
//
// bench-list-pods: lists every pod of a cluster into the operator's store
// (a PodReflector, as the operator's controller uses it), waits for the
// store to sync, prints the count and exits: the operator's side of the
// "list 10,000 pods" benchmark.
//
//   bench-list-pods --kubeconfig FILE [--page-size N] [--timeout-seconds N]
//
// Prints "pods=N pages=N list_ms=N". Exit code 0 when synced, 1 on timeout
// or error, 2 on usage errors.
//

#include <sbomop/core/StopToken.h>
#include <sbomop/kube/ClusterConnectionLoader.h>
#include <sbomop/kube/KubeClient.h>
#include <sbomop/runtime/Reflector.h>
#include <Poco/Exception.h>
#include <Poco/Logger.h>
#include <Poco/NumberParser.h>
#include <Poco/Stopwatch.h>
#include <iostream>
#include <memory>
#include <string>

int main(int argc, char** argv)
{
	std::string kubeconfig;
	sbomop::runtime::ReflectorOptions options;
	options.pageSize = sbomop::runtime::ReflectorOptions::DEFAULT_PAGE_SIZE;
	long timeoutSeconds = 300;
	try
	{
		for (int i = 1; i + 1 < argc; i += 2)
		{
			const std::string name = argv[i];
			const std::string value = argv[i + 1];
			if (name == "--kubeconfig") kubeconfig = value;
			else if (name == "--page-size") options.pageSize = Poco::NumberParser::parse(value);
			else if (name == "--timeout-seconds") timeoutSeconds = Poco::NumberParser::parse(value);
			else throw Poco::InvalidArgumentException("unknown option", name);
		}
		if (kubeconfig.empty() || argc % 2 == 0)
		{
			std::cerr << "usage: bench-list-pods --kubeconfig FILE [--page-size N] [--timeout-seconds N]" << std::endl;
			return 2;
		}
	}
	catch (Poco::Exception& e)
	{
		std::cerr << "bench-list-pods: " << e.displayText() << std::endl;
		return 2;
	}
	// The reflector's per-list information lines are not part of the output.
	Poco::Logger::root().setLevel(Poco::Message::PRIO_WARNING);
	try
	{
		auto client = std::make_shared<sbomop::kube::KubeClient>(
			sbomop::kube::ClusterConnectionLoader::load(kubeconfig, "", sbomop::kube::ClusterConnectionLoader::processEnvironment()));
		sbomop::runtime::PodReflector reflector(client, options);
		Poco::Stopwatch watch;
		watch.start();
		reflector.start();
		sbomop::StopToken stop;
		const bool synced = reflector.store()->waitForSync(stop, timeoutSeconds * 1000);
		watch.stop();
		const std::size_t pods = reflector.store()->size();
		const auto metrics = reflector.metrics();
		reflector.stop();
		if (!synced)
		{
			std::cerr << "bench-list-pods: the store did not sync within " << timeoutSeconds << " s" << std::endl;
			return 1;
		}
		std::cout << "pods=" << pods << " pages=" << metrics.listPages << " list_ms=" << watch.elapsed() / 1000 << std::endl;
	}
	catch (Poco::Exception& e)
	{
		std::cerr << "bench-list-pods: " << e.displayText() << std::endl;
		return 1;
	}
	return 0;
}
