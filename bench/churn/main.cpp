//
// main.cpp
//
// bench-churn: the soak benchmark's cluster activity and its final check.
//
//   bench-churn --free-port
//       prints a TCP port on 127.0.0.1 that was free a moment ago
//   bench-churn --kubeconfig FILE --admin-url URL --seconds S [--rate R]
//               [--pods N] [--images N] [--namespaces N] [--new-image-every K]
//               [--progress FILE]
//       for S seconds, R times per second: creates the next pod (index N,
//       N+1, ...) and deletes the oldest live one (seeded pods 0..N-1 first),
//       so the cluster keeps N pods. A pod appears Pending and turns Running
//       with its container statuses right after (two writes through kube-sim's
//       POST /_sim/seed, which keeps status as a kubelet would write it);
//       deletions go through the API with the operator's KubeClient (no rate
//       limit). Every K-th new pod runs a new application digest. Every
//       second it rewrites FILE with "elapsed created deleted new_images errors".
//       Prints "created=N deleted=N new_images=N errors=N seconds=S create_rate=R delete_rate=R".
//   bench-churn --verify --kubeconfig FILE
//       AnnotationAudit: prints "pods=N running=N containers=N missed=N",
//       then one line per missed container; exit code 1 when any is missed.
//
// N, images and namespaces must match the seed (bench-make-seed).
//

#include "AnnotationAudit.h"
#include "ChurnPods.h"
#include "sbomop/kube/ClusterConnectionLoader.h"
#include "sbomop/kube/KubeClient.h"
#include "sbomop/kube/KubeClientSettings.h"
#include "sbomop/kube/KubeException.h"
#include "sbomop/kube/ResourceType.h"
#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/Logger.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/NumberParser.h>
#include <Poco/URI.h>
#include <chrono>
#include <deque>
#include <iostream>
#include <map>
#include <thread>
#include <utility>

using namespace sbomop;

namespace {

using Clock = std::chrono::steady_clock;

class AdminClient
	// POST /_sim/seed on kube-sim's admin port (plain HTTP, keep-alive).
{
public:
	explicit AdminClient(const std::string& url):
		_session(Poco::URI(url).getHost(), Poco::URI(url).getPort())
	{
		_session.setKeepAlive(true);
	}

	void seed(const std::string& json)
	{
		// A kept-alive connection the server has closed fails once; seeding
		// the same object again is harmless.
		try
		{
			post(json);
		}
		catch (Poco::Net::NetException&)
		{
			_session.reset();
			post(json);
		}
	}

private:
	void post(const std::string& json)
	{
		Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_POST, "/_sim/seed", Poco::Net::HTTPMessage::HTTP_1_1);
		request.setContentType("application/json");
		request.setContentLength(static_cast<std::streamsize>(json.size()));
		request.setKeepAlive(true);
		_session.sendRequest(request) << json;
		Poco::Net::HTTPResponse response;
		std::istream& body = _session.receiveResponse(response);
		std::string text;
		std::getline(body, text, '\0');
		if (response.getStatus() / 100 != 2) throw Poco::IOException("POST /_sim/seed: " + std::to_string(response.getStatus()), text);
	}

	Poco::Net::HTTPClientSession _session;
};

kube::KubeClient::Ptr client(const std::string& kubeconfig)
{
	kube::KubeClientSettings settings;
	settings.qps = 0;
	return kube::KubeClient::Ptr(new kube::KubeClient(
		kube::ClusterConnectionLoader::load(kubeconfig, "", kube::ClusterConnectionLoader::processEnvironment()), settings));
}

int verify(const std::string& kubeconfig)
{
	kube::KubeClient::Ptr api = client(kubeconfig);
	const bench::AnnotationAudit::Result result = bench::AnnotationAudit::run(*api);
	std::cout << "pods=" << result.pods << " running=" << result.running << " containers=" << result.containers
		<< " missed=" << result.missed.size() << std::endl;
	for (const std::string& line: result.missed) std::cout << line << std::endl;
	return result.missed.empty() ? 0 : 1;
}

int churn(std::map<std::string, std::string>& args)
{
	const auto number = [&](const std::string& key, const std::string& fallback) {
		return static_cast<std::size_t>(Poco::NumberParser::parseUnsigned(args.count(key) ? args[key] : fallback));
	};
	const std::size_t pods = number("pods", "5000");
	const double rate = Poco::NumberParser::parseFloat(args.count("rate") ? args["rate"] : "50");
	const double seconds = Poco::NumberParser::parseFloat(args.at("seconds"));
	const bench::ChurnPods generator(number("images", "1000"), number("namespaces", "20"), number("new-image-every", "20"));
	kube::KubeClient::Ptr api = client(args.at("kubeconfig"));
	AdminClient admin(args.at("admin-url"));
	const std::string progress = args.count("progress") ? args["progress"] : std::string();

	std::deque<std::pair<std::string, std::string>> live;
	for (std::size_t i = 0; i < pods; ++i)
	{
		std::string ns;
		const std::string name = generator.name(i, ns);
		live.emplace_back(ns, name);
	}
	std::size_t created = 0, deleted = 0, newImages = 0, errors = 0;
	const auto report = [&](std::ostream& out, double elapsed) {
		out << elapsed << ' ' << created << ' ' << deleted << ' ' << newImages << ' ' << errors << '\n';
	};
	const auto start = Clock::now();
	auto nextProgress = start;
	for (std::size_t tick = 0;; ++tick)
	{
		const auto due = start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(tick / rate));
		if (due - start >= std::chrono::duration<double>(seconds)) break;
		std::this_thread::sleep_until(due);
		try
		{
			const bench::ChurnPods::Pod pod = generator.pod(pods + tick);
			admin.seed(pod.pending);
			admin.seed(pod.running);
			live.emplace_back(pod.ns, pod.name);
			++created;
			if (pod.newImage) ++newImages;
		}
		catch (Poco::Exception& e)
		{
			if (errors++ < 5) std::cerr << "bench-churn: create: " << e.displayText() << std::endl;
		}
		try
		{
			const auto victim = live.front();
			live.pop_front();
			api->remove(kube::ResourceType::PODS, victim.first, victim.second);
			++deleted;
		}
		catch (kube::NotFoundException&)
		{
			// Already gone (a name that came round twice); nothing to delete.
		}
		catch (Poco::Exception& e)
		{
			if (errors++ < 5) std::cerr << "bench-churn: delete: " << e.displayText() << std::endl;
		}
		if (!progress.empty() && Clock::now() >= nextProgress)
		{
			nextProgress += std::chrono::seconds(1);
			{
				Poco::FileOutputStream out(progress + ".tmp");
				report(out, std::chrono::duration<double>(Clock::now() - start).count());
			}
			Poco::File(progress + ".tmp").renameTo(progress);
		}
	}
	const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
	if (!progress.empty())
	{
		Poco::FileOutputStream out(progress);
		report(out, elapsed);
	}
	std::cout << "created=" << created << " deleted=" << deleted << " new_images=" << newImages << " errors=" << errors
		<< " seconds=" << elapsed << " create_rate=" << created / elapsed << " delete_rate=" << deleted / elapsed << std::endl;
	return errors == 0 ? 0 : 1;
}

}

int main(int argc, char** argv)
{
	Poco::Logger::root().setLevel(Poco::Message::PRIO_WARNING);
	std::map<std::string, std::string> args;
	bool verifyMode = false;
	for (int i = 1; i < argc; ++i)
	{
		const std::string arg = argv[i];
		if (arg == "--free-port")
		{
			Poco::Net::ServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", 0));
			std::cout << socket.address().port() << std::endl;
			return 0;
		}
		if (arg == "--verify") verifyMode = true;
		else if (arg.compare(0, 2, "--") == 0 && i + 1 < argc) args[arg.substr(2)] = argv[++i];
		else
		{
			std::cerr << "bench-churn: unexpected argument " << arg << " (see bench/churn/main.cpp)" << std::endl;
			return 2;
		}
	}
	try
	{
		if (!args.count("kubeconfig")) throw Poco::InvalidArgumentException("--kubeconfig FILE is required");
		if (verifyMode) return verify(args["kubeconfig"]);
		if (!args.count("admin-url") || !args.count("seconds")) throw Poco::InvalidArgumentException("--admin-url URL and --seconds S are required");
		return churn(args);
	}
	catch (Poco::Exception& e)
	{
		std::cerr << "bench-churn: " << e.displayText() << std::endl;
		return 1;
	}
	catch (std::exception& e)
	{
		std::cerr << "bench-churn: " << e.what() << std::endl;
		return 1;
	}
}
