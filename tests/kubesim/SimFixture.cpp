//
// SimFixture.cpp
//

#include "SimFixture.h"

namespace sbomop {
namespace kubesim {

void SimFixture::tearDown()
{
	stopSim();
}

void SimFixture::stopSim()
{
	_client.reset();
	_server.reset();
}

void SimFixture::startSim(const KubeSimServer::Options& options)
{
	stopSim();
	_server.reset(new KubeSimServer(options));
	_server->start();
	_client.reset(new SimClient(*_server));
}

std::string podManifest(const std::string& name, const std::string& labels)
{
	return "{\"metadata\":{\"name\":\"" + name + "\",\"labels\":" + labels + "},\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"x\"}]}}";
}

} } // namespace sbomop::kubesim
