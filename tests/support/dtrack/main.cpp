//
// main.cpp
//
// dtrack-sim: runs the Dependency-Track API test double until SIGTERM/SIGINT.
//
//   dtrack-sim --port N [--api-key K | --api-key-file F] [--permissions P,...]
//              [--tls --cert F --key F [--client-ca F]] [--state-dir DIR] [--processing-delay-ms N]
//
// Prints exactly one line "listening on <url>" on stdout once it serves.
//

#include "dtrack/DtrackSimServer.h"
#include <Poco/FileStream.h>
#include <Poco/NumberParser.h>
#include <Poco/StreamCopier.h>
#include <Poco/String.h>
#include <Poco/Util/HelpFormatter.h>
#include <Poco/Util/Option.h>
#include <Poco/Util/OptionSet.h>
#include <Poco/Util/ServerApplication.h>
#include <iostream>

using Poco::Util::Option;
using Poco::Util::OptionSet;

namespace sbomop {
namespace dtracksim {

class DtrackSimApplication: public Poco::Util::ServerApplication
	/// The dtrack-sim executable.
{
public:
	DtrackSimApplication():
		_help(false)
	{
	}

protected:
	void defineOptions(OptionSet& options) override
	{
		ServerApplication::defineOptions(options);
		options.addOption(Option("help", "h", "Show this help."));
		options.addOption(Option("port", "", "Port on 127.0.0.1 (0 picks a free one).").argument("N"));
		options.addOption(Option("api-key", "", "API key clients must send (default: the built-in test key).").argument("K"));
		options.addOption(Option("api-key-file", "", "Read the API key from FILE (keeps it out of argv).").argument("FILE"));
		options.addOption(Option("permissions", "", "Permissions of the key, comma separated (default ALL).").argument("P,..."));
		options.addOption(Option("tls", "", "Serve HTTPS (needs --cert and --key)."));
		options.addOption(Option("client-ca", "", "With --tls: require client certificates issued by these CAs (PEM; mutual TLS).").argument("FILE"));
		options.addOption(Option("cert", "", "Server certificate (PEM).").argument("FILE"));
		options.addOption(Option("key", "", "Server private key (PEM).").argument("FILE"));
		options.addOption(Option("state-dir", "", "Mirror projects.json and the last BOM of each project into DIR.").argument("DIR"));
		options.addOption(Option("processing-delay-ms", "", "BOM processing time reported through the event token.").argument("N"));
	}

	void handleOption(const std::string& name, const std::string& value) override
	{
		ServerApplication::handleOption(name, value);
		if (name == "help")
		{
			_help = true;
			stopOptionsProcessing();
		}
		else if (name == "port") _options.port = static_cast<Poco::UInt16>(Poco::NumberParser::parseUnsigned(value));
		else if (name == "api-key") _options.apiKey = value;
		else if (name == "api-key-file")
		{
			Poco::FileInputStream in(value);
			std::string key;
			Poco::StreamCopier::copyToString(in, key);
			_options.apiKey = Poco::trim(key);
		}
		else if (name == "permissions") _options.permissions = PermissionSet::parse(value);
		else if (name == "tls") _options.tls = true;
		else if (name == "cert") _options.certFile = value;
		else if (name == "client-ca") _options.clientCaFile = value;
		else if (name == "key") _options.keyFile = value;
		else if (name == "state-dir") _options.stateDir = value;
		else if (name == "processing-delay-ms")
			_options.processingDelay = Poco::Timespan(static_cast<Poco::Timespan::TimeDiff>(Poco::NumberParser::parseUnsigned(value)) * 1000);
	}

	int main(const std::vector<std::string>&) override
	{
		if (_help)
		{
			Poco::Util::HelpFormatter formatter(options());
			formatter.setCommand(commandName());
			formatter.setUsage("--port N [--api-key K] [--tls --cert F --key F] [--state-dir DIR]");
			formatter.setHeader("A test double of the Dependency-Track 4.14 REST API.");
			formatter.format(std::cout);
			return EXIT_OK;
		}
		if (_options.apiKey.empty())
		{
			std::cerr << "dtrack-sim: the API key must not be empty" << std::endl;
			return EXIT_USAGE;
		}
		if (_options.tls && (_options.certFile.empty() || _options.keyFile.empty()))
		{
			std::cerr << "dtrack-sim: --tls needs --cert and --key" << std::endl;
			return EXIT_USAGE;
		}
		try
		{
			DtrackSimServer server(_options);
			server.start();
			std::cout << "listening on " << server.url() << std::endl;
			waitForTerminationRequest();
			server.stop();
		}
		catch (Poco::Exception& e)
		{
			std::cerr << "dtrack-sim: " << e.displayText() << std::endl;
			return EXIT_SOFTWARE;
		}
		return EXIT_OK;
	}

private:
	bool _help;
	DtrackSimServer::Options _options;
};

} } // namespace sbomop::dtracksim

POCO_SERVER_MAIN(sbomop::dtracksim::DtrackSimApplication)
