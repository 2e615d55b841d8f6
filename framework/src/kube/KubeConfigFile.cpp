//
// KubeConfigFile.cpp
//

#include "sbomop/kube/KubeConfigFile.h"
#include "sbomop/kube/KubeException.h"
#include <Poco/Base64Decoder.h>
#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/Logger.h>
#include <Poco/Path.h>
#include <Poco/StreamCopier.h>
#include <yaml-cpp/yaml.h>
#include <algorithm>
#include <cctype>
#include <sstream>

namespace sbomop {
namespace kube {

namespace
{
	class Reader
		/// Walks one kubeconfig document; every failure names the file.
	{
	public:
		explicit Reader(const std::string& path):
			_path(path)
		{
			Poco::Path absolute(path);
			absolute.makeAbsolute();
			_directory = absolute.parent();
		}

		[[noreturn]] void fail(const std::string& reason) const
		{
			throw KubeConfigException("kubeconfig " + _path + ": " + reason);
		}

		std::string readFile(const std::string& file, const std::string& owner, const std::string& field) const
		{
			try
			{
				Poco::FileInputStream stream(file);
				std::string content;
				Poco::StreamCopier::copyToString(stream, content);
				return content;
			}
			catch (Poco::Exception& e)
			{
				fail((owner.empty() ? "" : owner + ": ") + "cannot read " + field + " " + file + ": " + e.displayText());
			}
		}

		YAML::Node parse() const
		{
			if (!Poco::File(_path).exists()) fail("file not found");
			const std::string text = readFile(_path, "", "the file");
			YAML::Node root;
			try
			{
				root = YAML::Load(text);
			}
			catch (const YAML::ParserException& e)
			{
				fail("YAML syntax error at line " + std::to_string(e.mark.line + 1) + ": " + e.msg);
			}
			if (root.IsNull()) fail("file is empty");
			if (!root.IsMap()) fail("not a kubeconfig: the document is not a mapping");
			return root;
		}

		std::string resolve(const std::string& file) const
		{
			Poco::Path path(file);
			if (path.isAbsolute()) return file;
			return Poco::Path(_directory).resolve(path).toString();
		}

		static std::string text(const YAML::Node& node, const std::string& key)
		{
			const YAML::Node value = node[key];
			if (!value || value.IsNull()) return "";
			return value.as<std::string>();
		}

		static bool flag(const YAML::Node& node, const std::string& key)
		{
			const YAML::Node value = node[key];
			return value && !value.IsNull() && value.as<bool>();
		}

		YAML::Node named(const YAML::Node& root, const std::string& list, const std::string& item, const std::string& name) const
		{
			const YAML::Node entries = root[list];
			if (entries && entries.IsSequence())
			{
				for (const YAML::Node& entry: entries)
				{
					if (entry.IsMap() && text(entry, "name") == name)
					{
						const YAML::Node body = entry[item];
						return body ? body : YAML::Node(YAML::NodeType::Map);
					}
				}
			}
			return YAML::Node(YAML::NodeType::Undefined);
		}

		std::string decode(const std::string& base64, const std::string& what) const
		{
			// Poco's decoder skips characters outside the alphabet silently.
			const bool wellFormed = std::all_of(base64.begin(), base64.end(), [](char c)
			{
				return std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '/' || c == '=' || std::isspace(static_cast<unsigned char>(c));
			});
			if (!wellFormed) fail(what + " is not valid base64");
			try
			{
				std::istringstream in(base64);
				Poco::Base64Decoder decoder(in);
				std::string decoded;
				Poco::StreamCopier::copyToString(decoder, decoded);
				return decoded;
			}
			catch (Poco::Exception&)
			{
				fail(what + " is not valid base64");
			}
		}

		std::string pem(const YAML::Node& node, const std::string& field, const std::string& owner, std::string* file = nullptr) const
		{
			// `<field>-data` wins over the file reference, as in client-go.
			const std::string data = text(node, field + "-data");
			if (!data.empty()) return decode(data, owner + ": " + field + "-data");
			const std::string reference = text(node, field);
			if (reference.empty()) return "";
			const std::string resolved = resolve(reference);
			if (file) *file = resolved;
			return readFile(resolved, owner, field);
		}

	private:
		std::string _path;
		Poco::Path _directory;
	};

	void readCluster(const Reader& reader, const YAML::Node& cluster, const std::string& name, ClusterConnection& connection)
	{
		const std::string owner = "cluster '" + name + "'";
		connection.server = Reader::text(cluster, "server");
		if (connection.server.empty()) reader.fail(owner + " has no server");
		connection.insecureSkipTlsVerify = Reader::flag(cluster, "insecure-skip-tls-verify");
		connection.tlsServerName = Reader::text(cluster, "tls-server-name");
		if (!Reader::text(cluster, "proxy-url").empty())
		{
			Poco::Logger::get("sbomop.kube.client").warning("%s: proxy-url is not supported; connecting to %s directly",
				owner, connection.server);
		}
		connection.certificateAuthorityData = reader.pem(cluster, "certificate-authority", owner, &connection.certificateAuthorityFile);
		if (connection.insecureSkipTlsVerify && !connection.certificateAuthorityData.empty())
		{
			reader.fail(owner + ": certificate-authority and insecure-skip-tls-verify cannot be used together");
		}
	}

	void readUser(const Reader& reader, const YAML::Node& user, const std::string& name, ClusterConnection& connection)
	{
		const std::string owner = "user '" + name + "'";
		if (user["exec"] && !user["exec"].IsNull())
		{
			reader.fail(owner + " uses an exec credential plugin, which is not supported; use a token, tokenFile or client certificate");
		}
		if (user["auth-provider"] && !user["auth-provider"].IsNull())
		{
			reader.fail(owner + " uses an auth-provider, which is not supported; use a token, tokenFile or client certificate");
		}
		connection.clientCertificateData = reader.pem(user, "client-certificate", owner);
		connection.clientKeyData = reader.pem(user, "client-key", owner);
		if (connection.clientCertificateData.empty() != connection.clientKeyData.empty())
		{
			reader.fail(owner + ": client-certificate and client-key must be given together");
		}
		connection.token = Reader::text(user, "token");
		const std::string tokenFile = Reader::text(user, "tokenFile");
		if (!tokenFile.empty())
		{
			connection.tokenFile = reader.resolve(tokenFile);
			reader.readFile(connection.tokenFile, owner, "tokenFile");
		}
		connection.username = Reader::text(user, "username");
		connection.password = Reader::text(user, "password");
	}
}

ClusterConnection KubeConfigFile::load(const std::string& path, const std::string& contextName)
{
	Reader reader(path);
	const YAML::Node root = reader.parse();
	ClusterConnection connection;
	try
	{
		const std::string context = contextName.empty() ? Reader::text(root, "current-context") : contextName;
		if (context.empty()) reader.fail("no current-context is set and no context was selected");
		const YAML::Node contextNode = reader.named(root, "contexts", "context", context);
		if (!contextNode) reader.fail("context '" + context + "' not found");

		const std::string clusterName = Reader::text(contextNode, "cluster");
		if (clusterName.empty()) reader.fail("context '" + context + "' names no cluster");
		const YAML::Node cluster = reader.named(root, "clusters", "cluster", clusterName);
		if (!cluster) reader.fail("cluster '" + clusterName + "' (of context '" + context + "') not found");
		readCluster(reader, cluster, clusterName, connection);

		const std::string userName = Reader::text(contextNode, "user");
		if (!userName.empty())
		{
			const YAML::Node user = reader.named(root, "users", "user", userName);
			if (!user) reader.fail("user '" + userName + "' (of context '" + context + "') not found");
			readUser(reader, user, userName, connection);
		}
		const std::string ns = Reader::text(contextNode, "namespace");
		connection.defaultNamespace = ns.empty() ? "default" : ns;
		connection.source = "kubeconfig " + path + ", context '" + context + "'";
	}
	catch (const YAML::Exception& e)
	{
		// Wrong node types (a list where a string belongs, "maybe" as a bool).
		const std::string where = e.mark.is_null() ? "" : " at line " + std::to_string(e.mark.line + 1);
		reader.fail("malformed" + where + ": " + e.msg);
	}
	connection.scheme();  // validates the server URL, naming the file
	return connection;
}

} } // namespace sbomop::kube
