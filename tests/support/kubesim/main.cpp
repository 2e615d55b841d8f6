//
// main.cpp
//
// kube-sim: runs a simulated Kubernetes API server until SIGTERM/SIGINT.
//
//   kube-sim --port N (--token T | --token-file F) [--tls] [--ca-out FILE]
//            [--seed FILE] [--openapi-dir DIR] [--kubeconfig-out FILE]
//            [--rbac] [--service-account-kubeconfig-out NS/NAME=FILE]...
//            [--admin-port N] [--server-version X.Y.Z]
//            [--job-runner IMAGE=DIR]... [--default-job-outcome succeed|fail|hang]
//            [--default-job-seconds S] [--job-conditions legacy|1.31]
//            [--no-job-controller]
//
// Prints exactly one line "listening on <url>" on stdout once it serves.
//

#include "kubesim/KubeSimServer.h"
#include <Poco/FileStream.h>
#include <Poco/NumberParser.h>
#include <Poco/String.h>
#include <Poco/StreamCopier.h>
#include <Poco/Util/HelpFormatter.h>
#include <Poco/Util/Option.h>
#include <Poco/Util/OptionSet.h>
#include <Poco/Util/ServerApplication.h>
#include <csignal>
#include <iostream>
#include <pthread.h>

using Poco::Util::Option;
using Poco::Util::OptionSet;

namespace sbomop {
namespace kubesim {

class KubeSimApplication: public Poco::Util::ServerApplication
	/// The kube-sim executable.
{
public:
	KubeSimApplication():
		_help(false)
	{
		_options.namespaces = {"default", "kube-node-lease", "kube-public", "kube-system"};
		_options.jobs.enabled = true;
		// The executable serves what installing manifests with kubectl needs.
		_options.manifestTypes = true;
	}

protected:
	void defineOptions(OptionSet& options) override
	{
		ServerApplication::defineOptions(options);
		options.addOption(Option("help", "h", "Show this help.").required(false).repeatable(false));
		options.addOption(Option("port", "", "Port on 127.0.0.1 (0 picks a free one).").argument("N"));
		options.addOption(Option("token", "", "Bearer token clients must send.").argument("T"));
		options.addOption(Option("token-file", "", "Read the bearer token from FILE (keeps it out of argv).").argument("FILE"));
		options.addOption(Option("tls", "", "Serve HTTPS with a generated CA."));
		options.addOption(Option("ca-out", "", "Write the CA certificate (PEM) to FILE (with --tls).").argument("FILE"));
		options.addOption(Option("seed", "", "Load objects from a JSON List as `kubectl get -o json` prints it.").argument("FILE"));
		options.addOption(Option("openapi-dir", "", "Serve /openapi/v3 from the *_openapi.json files in DIR and validate writes against them.").argument("DIR"));
		options.addOption(Option("kubeconfig-out", "", "Write a kubeconfig (JSON) for this server to FILE.").argument("FILE"));
		options.addOption(Option("admin-port", "", "Also serve /_sim on this port (plain HTTP, no token).").argument("N"));
		options.addOption(Option("server-version", "", "Version reported by /version (default 1.28.7).").argument("X.Y.Z"));
		options.addOption(Option("job-runner", "", "Jobs with container image IMAGE run DIR/entrypoint.sh in a bubblewrap sandbox (repeatable).")
			.argument("IMAGE=DIR").repeatable(true));
		options.addOption(Option("default-job-outcome", "", "What containers of other images do: succeed (default), fail or hang.")
			.argument("OUTCOME"));
		options.addOption(Option("default-job-seconds", "", "How long they take to succeed or fail (default 1).").argument("S"));
		options.addOption(Option("job-conditions", "", "Job condition sequence: 1.31 (default; SuccessCriteriaMet/FailureTarget first) or legacy.")
			.argument("STYLE"));
		options.addOption(Option("rbac", "", "Enforce the stored Roles/ClusterRoles for service-account tokens (the --token stays all-powerful)."));
		options.addOption(Option("service-account-kubeconfig-out", "", "Mint a token for service account NS/NAME and write a kubeconfig with it to FILE (repeatable).")
			.argument("NS/NAME=FILE").repeatable(true));
		options.addOption(Option("no-job-controller", "", "Run no Job controller: Jobs stay as written, no pods are created."));
	}

	void handleOption(const std::string& name, const std::string& value) override
	{
		ServerApplication::handleOption(name, value);
		try
		{
			applyOption(name, value);
		}
		catch (Poco::Exception& e)
		{
			_usageError = "--" + name + ": " + e.displayText();
			stopOptionsProcessing();
		}
	}

	void applyOption(const std::string& name, const std::string& value)
	{
		if (name == "help")
		{
			_help = true;
			stopOptionsProcessing();
		}
		else if (name == "port") _options.port = static_cast<Poco::UInt16>(Poco::NumberParser::parseUnsigned(value));
		else if (name == "token") _options.token = value;
		else if (name == "token-file")
		{
			Poco::FileInputStream in(value);
			std::string token;
			Poco::StreamCopier::copyToString(in, token);
			_options.token = Poco::trim(token);
		}
		else if (name == "tls") _options.tls = true;
		else if (name == "ca-out") _caOut = value;
		else if (name == "seed") _seed = value;
		else if (name == "openapi-dir") _options.openApiDir = value;
		else if (name == "kubeconfig-out") _kubeconfigOut = value;
		else if (name == "server-version") _options.serverVersion = value;
		else if (name == "admin-port") _options.adminPort = static_cast<int>(Poco::NumberParser::parseUnsigned(value));
		else if (name == "job-runner") _options.jobs.runners.insert(JobOptions::parseRunner(value));
		else if (name == "default-job-outcome") _options.jobs.defaultOutcome = JobOptions::parseOutcome(value);
		else if (name == "default-job-seconds") _options.jobs.defaultDuration = JobOptions::parseSeconds(value);
		else if (name == "job-conditions") _options.jobs.conditions = JobOptions::parseConditions(value);
		else if (name == "no-job-controller") _options.jobs.enabled = false;
		else if (name == "rbac") _options.rbac = true;
		else if (name == "service-account-kubeconfig-out")
		{
			const std::string::size_type slash = value.find('/');
			const std::string::size_type equals = value.find('=');
			if (slash == std::string::npos || equals == std::string::npos || slash == 0 || equals < slash + 2 || equals + 1 == value.size())
				throw Poco::InvalidArgumentException("expected NS/NAME=FILE", value);
			_serviceAccountKubeconfigs.push_back({value.substr(0, slash), value.substr(slash + 1, equals - slash - 1), value.substr(equals + 1)});
		}
	}

	int main(const std::vector<std::string>&) override
	{
		if (_help)
		{
			Poco::Util::HelpFormatter formatter(options());
			formatter.setCommand(commandName());
			formatter.setUsage("--port N (--token T | --token-file FILE) [--tls] [OPTIONS]");
			formatter.setHeader("A simulated Kubernetes API server for tests.");
			formatter.format(std::cout);
			return EXIT_OK;
		}
		if (!_usageError.empty())
		{
			std::cerr << "kube-sim: " << _usageError << std::endl;
			return EXIT_USAGE;
		}
		if (_options.token.empty())
		{
			std::cerr << "kube-sim: --token or --token-file is required" << std::endl;
			return EXIT_USAGE;
		}
		if (!_caOut.empty() && !_options.tls)
		{
			std::cerr << "kube-sim: --ca-out needs --tls" << std::endl;
			return EXIT_USAGE;
		}
		// Termination signals are taken only by waitForTerminationRequest(); block
		// them before any thread exists so that a signal arriving right after
		// "listening on" still ends the server cleanly.
		sigset_t signals;
		sigemptyset(&signals);
		sigaddset(&signals, SIGINT);
		sigaddset(&signals, SIGTERM);
		sigaddset(&signals, SIGQUIT);
		pthread_sigmask(SIG_BLOCK, &signals, nullptr);
		try
		{
			KubeSimServer server(_options);
			server.start();
			if (!_seed.empty()) server.seedFile(_seed);
			if (!_caOut.empty()) server.writeCa(_caOut);
			if (!_kubeconfigOut.empty()) server.writeKubeconfig(_kubeconfigOut);
			for (const auto& account: _serviceAccountKubeconfigs)
				server.writeServiceAccountKubeconfig(account.file, account.ns, account.name);
			std::cout << "listening on " << server.url() << std::endl;
			waitForTerminationRequest();
			server.stop();
		}
		catch (Poco::Exception& e)
		{
			std::cerr << "kube-sim: " << e.displayText() << std::endl;
			return EXIT_SOFTWARE;
		}
		return EXIT_OK;
	}

private:
	bool _help;
	KubeSimServer::Options _options;
	std::string _caOut;
	std::string _seed;
	std::string _kubeconfigOut;
	struct ServiceAccountKubeconfig
	{
		std::string ns;
		std::string name;
		std::string file;
	};
	std::vector<ServiceAccountKubeconfig> _serviceAccountKubeconfigs;
	std::string _usageError;
};

} } // namespace sbomop::kubesim

POCO_SERVER_MAIN(sbomop::kubesim::KubeSimApplication)
