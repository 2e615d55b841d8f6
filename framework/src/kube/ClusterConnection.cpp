//
// ClusterConnection.cpp
//

#include "sbomop/kube/ClusterConnection.h"
#include "sbomop/kube/KubeException.h"
#include <Poco/URI.h>

namespace sbomop {
namespace kube {

namespace
{
	Poco::URI parseServer(const ClusterConnection& connection)
	{
		Poco::URI uri;
		try
		{
			uri = Poco::URI(connection.server);
		}
		catch (Poco::SyntaxException& e)
		{
			throw KubeConfigException(connection.source + ": server URL \"" + connection.server + "\" is invalid: " + e.message());
		}
		if ((uri.getScheme() != "https" && uri.getScheme() != "http") || uri.getHost().empty())
		{
			throw KubeConfigException(connection.source + ": server URL \"" + connection.server + "\" must be http(s)://host[:port]");
		}
		return uri;
	}
}

std::string ClusterConnection::scheme() const
{
	return parseServer(*this).getScheme();
}

std::string ClusterConnection::host() const
{
	return parseServer(*this).getHost();
}

Poco::UInt16 ClusterConnection::port() const
{
	// Poco::URI already falls back to the well-known port of the scheme.
	return parseServer(*this).getPort();
}

std::string ClusterConnection::basePath() const
{
	std::string path = parseServer(*this).getPath();
	while (!path.empty() && path.back() == '/') path.pop_back();
	return path;
}

std::string ClusterConnection::endpoint() const
{
	Poco::URI uri = parseServer(*this);
	const std::string& h = uri.getHost();
	const bool ipv6 = h.find(':') != std::string::npos;
	return (ipv6 ? "[" + h + "]" : h) + ":" + std::to_string(uri.getPort());
}

std::string ClusterConnection::authKind() const
{
	if (!tokenFile.empty()) return "token file";
	if (!token.empty()) return "token";
	if (!clientCertificateData.empty()) return "client certificate";
	if (!username.empty()) return "basic";
	return "none";
}

std::string ClusterConnection::describe() const
{
	std::string text = server + " (" + source + "; auth: " + authKind();
	if (insecureSkipTlsVerify) text += "; TLS verification disabled";
	else if (!tlsServerName.empty()) text += "; TLS server name " + tlsServerName;
	text += "; namespace " + defaultNamespace + ")";
	return text;
}

} } // namespace sbomop::kube
