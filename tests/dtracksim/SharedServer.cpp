//
// SharedServer.cpp
//

#include "SharedServer.h"

namespace sbomop {
namespace dtracksim {

DtrackSimServer& SharedServer::acquire()
{
	DtrackSimServer& server = acquireRunning();
	server.store().clear();
	server.setProcessingDelay(0);
	server.faults().clear();
	server.requests().clear();
	return server;
}

Project SharedServer::seed(const std::string& name, const std::optional<std::string>& version,
	const std::string& parentUuid, const std::vector<std::string>& tags)
{
	Project project;
	project.name = name;
	project.version = version;
	project.parentUuid = parentUuid;
	project.tags = tags;
	return acquireRunning().store().create(project);
}

DtrackSimServer& SharedServer::acquireRunning()
{
	static DtrackSimServer server;
	if (!server.running()) server.start();
	return server;
}

} } // namespace sbomop::dtracksim
