//
// PodVolumes.cpp
//

#include "kubesim/PodVolumes.h"
#include "kubesim/Base64.h"
#include "kubesim/Json.h"
#include "kubesim/StatusError.h"
#include <Poco/File.h>
#include <Poco/JSON/Array.h>
#include <Poco/Path.h>
#include <Poco/StringTokenizer.h>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using Poco::JSON::Array;
using Poco::JSON::Object;

namespace sbomop {
namespace kubesim {

namespace
{
	std::string setUpFailed(const std::string& volume, const std::string& reason)
	{
		return "MountVolume.SetUp failed for volume " + StatusError::quote(volume) + " : " + reason;
	}

	std::map<std::string, std::string> decodedData(const Object::Ptr& object, const std::string& base64Field, const std::string& plainField)
	{
		std::map<std::string, std::string> data;
		if (!plainField.empty()) data = Json::stringMap(object, plainField);
		for (const auto& entry: Json::stringMap(object, base64Field))
		{
			std::string bytes;
			std::string error;
			if (Base64::decode(entry.second, bytes, error)) data[entry.first] = bytes;
		}
		return data;
	}

	// A relative path without "..": what API validation admits for items[].path.
	bool safeRelative(const std::string& path)
	{
		if (path.empty() || path.front() == '/') return false;
		Poco::StringTokenizer parts(path, "/");
		for (const auto& part: parts)
		{
			if (part == "..") return false;
		}
		return true;
	}

	void writeFile(const std::string& path, const std::string& content, int mode)
	{
		Poco::File(Poco::Path(path).parent()).createDirectories();
		// Created private, then given its mode: nobody can open it in between.
		const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
		if (fd < 0) throw ContainerStartException("cannot write " + path + ": " + std::strerror(errno));
		std::size_t written = 0;
		while (written < content.size())
		{
			const ssize_t count = ::write(fd, content.data() + written, content.size() - written);
			if (count < 0 && errno == EINTR) continue;
			if (count < 0)
			{
				::close(fd);
				throw ContainerStartException("cannot write " + path + ": " + std::strerror(errno));
			}
			written += static_cast<std::size_t>(count);
		}
		::close(fd);
		::chmod(path.c_str(), static_cast<mode_t>(mode & 0777));
	}

	int modeOf(const Object::Ptr& object, const std::string& field, int fallback)
	{
		if (!object || !object->has(field) || !Json::isNumber(object->get(field))) return fallback;
		return object->get(field).convert<int>();
	}
}

const std::string PodVolumes::FOLDER_PREFIX = "kube-sim-volume-";

PodVolumes::PodVolumes(const ObjectStore& store, const std::string& ns, const Object::Ptr& podSpec, const Object::Ptr& container):
	_store(store),
	_ns(ns)
{
	std::map<std::string, Object::Ptr> volumes;
	Array::Ptr declared = Json::array(podSpec, "volumes");
	for (unsigned i = 0; declared && i < declared->size(); ++i)
	{
		Object::Ptr volume = declared->getObject(i);
		if (volume) volumes[Json::string(volume, "name")] = volume;
	}
	std::map<std::string, std::string> sources;   // volume name -> host folder ("" = tmpfs)
	try
	{
		Array::Ptr volumeMounts = Json::array(container, "volumeMounts");
		for (unsigned i = 0; volumeMounts && i < volumeMounts->size(); ++i)
		{
			Object::Ptr volumeMount = volumeMounts->getObject(i);
			const std::string name = Json::string(volumeMount, "name");
			const std::string target = Json::string(volumeMount, "mountPath");
			if (target.empty() || target.front() != '/') throw ContainerStartException("mountPath of volume " + name + " must be absolute: " + target);
			auto volume = volumes.find(name);
			if (volume == volumes.end()) throw ContainerStartException("volumeMount " + name + " refers to no volume of the pod");
			if (!sources.count(name)) sources[name] = materialise(volume->second);
			Mount mount;
			mount.source = sources[name];
			mount.target = target;
			mount.readOnly = !mount.source.empty() || Json::string(volumeMount, "readOnly") == "true";
			const std::string subPath = Json::string(volumeMount, "subPath");
			if (!subPath.empty() && !mount.source.empty())
			{
				if (!safeRelative(subPath)) throw ContainerStartException("subPath of volume " + name + " must be a relative path without '..'");
				mount.source += "/" + subPath;
			}
			_mounts.push_back(mount);
		}
	}
	catch (...)
	{
		removeFolders();
		throw;
	}
}

PodVolumes::~PodVolumes()
{
	removeFolders();
}

void PodVolumes::removeFolders()
{
	for (const auto& folder: _folders)
	{
		try
		{
			Poco::File(folder).remove(true);
		}
		catch (Poco::Exception&)
		{
			// Nothing else can be done about it here.
		}
	}
	_folders.clear();
}

const std::vector<Mount>& PodVolumes::mounts() const
{
	return _mounts;
}

std::string PodVolumes::materialise(const Object::Ptr& volume)
{
	const std::string name = Json::string(volume, "name");
	if (Json::object(volume, "emptyDir")) return "";
	Object::Ptr secret = Json::object(volume, "secret");
	Object::Ptr configMap = Json::object(volume, "configMap");
	if (!secret && !configMap) throw ContainerStartException("volume " + name + ": only secret, configMap and emptyDir volumes are supported by kube-sim");
	Object::Ptr source = secret ? secret : configMap;
	const std::string objectName = Json::string(source, secret ? "secretName" : "name");
	const ResourceInfo& resource = ResourceCatalog::get(secret ? "secrets" : "configmaps");
	StoredObjectPtr stored = _store.get(resource, _ns, objectName);
	std::map<std::string, std::string> data;
	if (stored) data = secret ? decodedData(stored->object, "data", "") : decodedData(stored->object, "binaryData", "data");
	else if (Json::string(source, "optional") != "true")
		throw ContainerStartException(setUpFailed(name, (secret ? "secret " : "configmap ") + StatusError::quote(objectName) + " not found"));
	return writeFiles(name, data, source);
}

std::string PodVolumes::writeFiles(const std::string& volume, const std::map<std::string, std::string>& data, const Object::Ptr& source)
{
	std::string pattern = Poco::Path::temp() + FOLDER_PREFIX + "XXXXXX";
	if (!::mkdtemp(&pattern[0])) throw ContainerStartException("cannot create a folder for volume " + volume + ": " + std::strerror(errno));
	_folders.push_back(pattern);
	const int defaultMode = modeOf(source, "defaultMode", DEFAULT_MODE);
	Array::Ptr items = Json::array(source, "items");
	if (!items)
	{
		for (const auto& entry: data)
		{
			if (!safeRelative(entry.first)) continue;
			writeFile(pattern + "/" + entry.first, entry.second, defaultMode);
		}
		return pattern;
	}
	for (unsigned i = 0; i < items->size(); ++i)
	{
		Object::Ptr item = items->getObject(i);
		const std::string key = Json::string(item, "key");
		const std::string path = Json::string(item, "path");
		auto value = data.find(key);
		if (value == data.end())
		{
			if (Json::string(source, "optional") == "true") continue;
			throw ContainerStartException(setUpFailed(volume, "references non-existent " + std::string(source->has("secretName") ? "secret" : "config") + " key: " + key));
		}
		if (!safeRelative(path)) throw ContainerStartException("items path of volume " + volume + " must be a relative path without '..': " + path);
		writeFile(pattern + "/" + path, value->second, modeOf(item, "mode", defaultMode));
	}
	return pattern;
}

} } // namespace sbomop::kubesim
