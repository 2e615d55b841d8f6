//
// OpenApiDocuments.cpp
//

#include "kubesim/OpenApiDocuments.h"
#include "kubesim/Json.h"
#include <Poco/DigestEngine.h>
#include <Poco/DirectoryIterator.h>
#include <Poco/FileStream.h>
#include <Poco/Path.h>
#include <Poco/SHA2Engine.h>
#include <Poco/StreamCopier.h>
#include <Poco/String.h>

using Poco::JSON::Object;

namespace sbomop {
namespace kubesim {

OpenApiDocuments::OpenApiDocuments()
{
}

void OpenApiDocuments::load(const std::string& directory)
{
	const std::string suffix = "_openapi.json";
	for (Poco::DirectoryIterator it(directory), end; it != end; ++it)
	{
		const std::string file = it.name();
		if (file.size() <= suffix.size() || file.compare(file.size() - suffix.size(), suffix.size(), suffix) != 0) continue;
		// "apis__batch__v1_openapi.json" is served at /openapi/v3/apis/batch/v1.
		std::string path = Poco::replace(file.substr(0, file.size() - suffix.size()), "__", "/");
		Poco::FileInputStream in(it.path().toString());
		std::string content;
		Poco::StreamCopier::copyToString(in, content);
		Poco::SHA2Engine sha(Poco::SHA2Engine::SHA_512);
		sha.update(content);
		_documents[path] = content;
		_hashes[path] = Poco::toUpper(Poco::DigestEngine::digestToHex(sha.digest()));
	}
}

bool OpenApiDocuments::empty() const
{
	return _documents.empty();
}

const std::map<std::string, std::string>& OpenApiDocuments::documents() const
{
	return _documents;
}

bool OpenApiDocuments::find(const std::string& path, std::string& body) const
{
	if (_documents.empty()) return false;
	if (path == "/openapi/v3")
	{
		Object::Ptr paths = new Object;
		for (const auto& document: _documents)
		{
			Object::Ptr entry = new Object;
			entry->set("serverRelativeURL", "/openapi/v3/" + document.first + "?hash=" + _hashes.at(document.first));
			paths->set(document.first, entry);
		}
		Object::Ptr index = new Object;
		index->set("paths", paths);
		body = Json::stringify(index);
		return true;
	}
	const std::string prefix = "/openapi/v3/";
	if (path.compare(0, prefix.size(), prefix) != 0) return false;
	auto it = _documents.find(path.substr(prefix.size()));
	if (it == _documents.end()) return false;
	body = it->second;
	return true;
}

} } // namespace sbomop::kubesim
