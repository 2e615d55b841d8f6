//
// OperatorApplication.cpp
//

#include "sbomop/app/OperatorApplication.h"
#include "sbomop/app/SignalWatcher.h"
#include "sbomop/config/BuiltinKeys.h"
#include "sbomop/config/ConfigException.h"
#include "sbomop/controller/Controller.h"
#include "sbomop/controller/OperatorMetrics.h"
#include "sbomop/core/StopToken.h"
#include "sbomop/election/LeaderElector.h"
#include "sbomop/http/HealthServer.h"
#include "sbomop/http/MetricsRegistry.h"
#include "sbomop/http/ProcessMetrics.h"
#include "sbomop/kube/KubeClient.h"
#include "sbomop/kube/KubeException.h"
#include "sbomop/logging/LoggingSetup.h"
#include "sbomop/logging/SecretRedactor.h"
#include "sbomop/plugin/PluginException.h"
#include <Poco/Environment.h>
#include <Poco/Logger.h>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <thread>

namespace sbomop {
namespace app {

using config::BuiltinKeys;

namespace {

int fail(int code, const std::string& message)
{
	std::cerr << "sbom-operator: " << message << std::endl;
	return code;
}

void configureLogging(const std::string& level, const std::string& format)
{
	try
	{
		logging::LoggingSetup::configure(level, format);
	}
	catch (Poco::Exception&)
	{
		// Invalid values are reported by the configuration check that follows.
		logging::LoggingSetup::configure("info", "text");
	}
}

} // namespace

int OperatorApplication::run(int argc, char** argv)
{
	// Before any thread exists, so that every thread inherits the mask and only
	// the SignalWatcher receives termination signals.
	SignalWatcher::blockTerminationSignals();

	std::unique_ptr<OperatorSetup> setup;
	try
	{
		setup.reset(new OperatorSetup(std::vector<std::string>(argv + 1, argv + argc), config::ConfigLoader::processEnvironment()));
		if (setup->helpRequested())
		{
			setup->printHelp(std::cout);
			return EXIT_OK;
		}
		if (setup->versionRequested())
		{
			OperatorSetup::printVersion(std::cout);
			return EXIT_OK;
		}
		configureLogging(setup->peek(BuiltinKeys::VERBOSITY), setup->peek(BuiltinKeys::LOG_FORMAT));
		setup->prepare();
	}
	catch (config::ConfigException& exc)
	{
		return fail(EXIT_CONFIG, exc.message());
	}
	catch (plugin::PluginLoadException& exc)
	{
		return fail(EXIT_CONFIG, exc.message());
	}
	catch (kube::KubeConfigException& exc)
	{
		return fail(EXIT_CONFIG, exc.message());
	}

	for (const auto& secret: setup->secretValues()) logging::SecretRedactor::instance().add(secret);

	OperatorApplication application(std::move(setup));
	// The command line was consumed above; the ServerApplication sees none.
	char* applicationArgv[] = { argv[0], nullptr };
	return application.ServerApplication::run(1, applicationArgv);
}

OperatorApplication::OperatorApplication(std::unique_ptr<OperatorSetup> setup):
	_setup(std::move(setup))
{
}

OperatorApplication::~OperatorApplication() = default;

int OperatorApplication::main(const std::vector<std::string>&)
{
	const config::Settings& settings = _setup->settings();
	// Here rather than before run(): Poco's Application initialisation resets
	// the loggers' channels.
	configureLogging(settings.getString(BuiltinKeys::VERBOSITY), settings.getString(BuiltinKeys::LOG_FORMAT));
	Poco::Logger& logger = Poco::Logger::get("sbomop.app");
	plugin::Backend& backend = _setup->backend();

	StopToken shutdown;
	SignalWatcher signals(shutdown);

	http::MetricsRegistry& metrics = http::MetricsRegistry::defaultRegistry();
	http::ProcessMetrics::registerWith(metrics);
	http::HealthServer health(metrics, "0.0.0.0", static_cast<Poco::UInt16>(settings.getInt(BuiltinKeys::HEALTH_PORT)));
	try
	{
		health.start();
	}
	catch (Poco::Exception& exc)
	{
		logger.fatal("cannot serve /health on port %d: %s", settings.getInt(BuiltinKeys::HEALTH_PORT), exc.displayText());
		return EXIT_SOFTWARE;
	}
	health.setNotReady("starting");
	logger.information("serving /health, /readyz and /metrics on port %hu", health.port());

	logger.information("loaded backend '%s' from %s", backend.name(), _setup->backendLibrary());
	controller::OperatorMetrics operatorMetrics(metrics);
	kube::KubeClient::Ptr client;
	kube::KubeClientSettings clientSettings;
	try
	{
		clientSettings.qps = settings.getInt(BuiltinKeys::KUBE_API_QPS);
		clientSettings.burst = settings.getInt(BuiltinKeys::KUBE_API_BURST);
		clientSettings.requestObserver = [&operatorMetrics](const std::string& verb, const std::string& resource, int code)
		{
			operatorMetrics.countApiRequest(verb, resource, code);
		};
		client = std::make_shared<kube::KubeClient>(_setup->connection(), clientSettings);
	}
	catch (Poco::Exception& exc)
	{
		logger.fatal("cannot use the cluster connection (%s): %s", _setup->connection().describe(), exc.displayText());
		return EXIT_CONFIG;
	}
	logger.information("cluster %s", _setup->connection().describe());

	const std::string operatorNamespace = Poco::Environment::get("POD_NAMESPACE", client->defaultNamespace());
	// Everything the leader does stops on shutdown and on lost leadership.
	StopToken work;
	const std::size_t forwardShutdown = shutdown.onStop([&work] { work.requestStop(); });
	std::unique_ptr<election::LeaderElector> elector;
	if (_setup->election().enabled)
	{
		elector = startElection(operatorNamespace, clientSettings, metrics, health, work);
		if (!elector->waitForLeadership(shutdown))
		{
			const bool lost = elector->state() == election::LeaderElector::State::LOST;
			elector.reset();
			shutdown.removeOnStop(forwardShutdown);
			health.stop();
			return lost ? EXIT_TEMPFAIL : EXIT_OK;
		}
	}

	plugin::BackendContext context(settings.configuration(), Poco::Logger::get("sbomop.backend." + backend.name()),
		metrics, client.get(), operatorNamespace, settings.getString(BuiltinKeys::KUBERNETES_CLUSTER_ID), work);
	int exitCode = EXIT_OK;
	try
	{
		backend.start(context);
	}
	catch (Poco::Exception& exc)
	{
		logger.fatal("backend '%s' failed to start: %s", backend.name(), exc.displayText());
		exitCode = EXIT_SOFTWARE;
	}
	catch (std::exception& exc)
	{
		logger.fatal("backend '%s' failed to start: %s", backend.name(), std::string(exc.what()));
		exitCode = EXIT_SOFTWARE;
	}

	if (exitCode == EXIT_OK)
	{
		controller::Controller controller(client, backend, settings.configuration(), operatorNamespace, operatorMetrics,
			[&health](bool ready, const std::string& reason) { if (ready) health.setReady(true); else health.setNotReady(reason); },
			work);
		exitCode = controller.run();
	}
	if (signals.lastSignal() != 0) logger.information("received signal %d, stopping", signals.lastSignal());
	backend.stop();
	if (elector)
	{
		if (elector->state() == election::LeaderElector::State::LOST) exitCode = EXIT_TEMPFAIL;
		// Released only now that no work runs any more.
		elector.reset();
	}
	shutdown.removeOnStop(forwardShutdown);
	health.stop();
	logger.information("stopped with exit code %d", exitCode);
	return exitCode;
}

std::unique_ptr<election::LeaderElector> OperatorApplication::startElection(const std::string& operatorNamespace,
	const kube::KubeClientSettings& clientSettings, http::MetricsRegistry& metrics, http::HealthServer& health, StopToken& work)
{
	election::LeaderElectionConfig config = _setup->election();
	config.leaseNamespace = operatorNamespace;
	auto client = std::make_shared<kube::KubeClient>(_setup->connection(), election::LeaderElector::clientSettings(config, clientSettings));
	// A replica that lost the lease must be gone before any other can see it expire.
	const Poco::Timespan grace((config.leaseDuration.totalMicroseconds() - config.renewDeadline.totalMicroseconds()) * 3 / 4);
	election::LeaderElector::Callbacks callbacks;
	callbacks.onNewLeader = [&health, identity = config.identity](const std::string& holder)
	{
		if (holder != identity) health.setNotReady(holder.empty() ? "waiting for leadership" : "waiting for leadership (leader: " + holder + ")");
	};
	callbacks.onLostLeadership = [&health, &work, grace](const std::string& reason)
	{
		Poco::Logger::get("sbomop.app").error("lost leadership (%s): stopping all work and exiting", reason);
		health.setNotReady("lost leadership");
		work.requestStop();
		std::thread([grace]
		{
			std::this_thread::sleep_for(std::chrono::microseconds(grace.totalMicroseconds()));
			Poco::Logger::get("sbomop.app").fatal("work did not stop in time after leadership was lost; exiting at once");
			std::_Exit(EXIT_TEMPFAIL);
		}).detach();
	};
	health.setNotReady("waiting for leadership");
	auto elector = std::make_unique<election::LeaderElector>(client, config, callbacks, &metrics);
	elector->start();
	return elector;
}

} } // namespace sbomop::app
