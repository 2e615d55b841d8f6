//
// SimFixture.h
//
// The base of the KubeSim fixtures that run one in-process kube-sim per
// case, and manifests several of them share.
//

#ifndef SBOMOP_KubeSimTest_SimFixture_INCLUDED
#define SBOMOP_KubeSimTest_SimFixture_INCLUDED

#include "SimClient.h"
#include "kubesim/KubeSimServer.h"
#include <cppunit/extensions/HelperMacros.h>
#include <memory>
#include <string>

namespace sbomop {
namespace kubesim {

class SimFixture: public CppUnit::TestFixture
	/// startSim() in setUp() (or in a case); tearDown() stops the server.
{
public:
	void tearDown() override;
		/// Drops the client, then stops and destroys the server.

protected:
	void startSim(const KubeSimServer::Options& options);
		/// Replaces a running server by a started one with `options` and a
		/// client for it.

	void stopSim();
		/// Drops the client, then stops and destroys the server (if any).

	std::unique_ptr<KubeSimServer> _server;
	std::unique_ptr<SimClient> _client;
};

std::string podManifest(const std::string& name, const std::string& labels = "{}");
	/// A Pod with `labels` (a JSON object) and one container "c", image "x".

} } // namespace sbomop::kubesim

#endif // SBOMOP_KubeSimTest_SimFixture_INCLUDED
