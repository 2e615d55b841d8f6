//
// ListPager.cpp
//

#include "sbomop/runtime/ListPager.h"
#include "sbomop/kube/KubeException.h"
#include "sbomop/kube/ListReader.h"
#include "sbomop/kube/NamespaceBuilder.h"
#include "sbomop/kube/PodBuilder.h"
#include "sbomop/runtime/ObjectTraits.h"
#include <functional>

namespace sbomop {
namespace runtime {

template <class T>
ListPager<T>::ListPager(kube::KubeClient& client, const kube::ResourceType& type, const std::string& ns,
	const kube::ListOptions& options):
	_client(client),
	_type(type),
	_namespace(ns),
	_options(options),
	_logger(Poco::Logger::get("sbomop.runtime.reflector"))
{
	// Every list is a consistent read from the start; a resourceVersion
	// with a continue token is rejected by the server anyway.
	_options.continueToken.clear();
	_options.resourceVersion.clear();
	_options.resourceVersionMatch.clear();
}


template <class T>
bool ListPager<T>::list(const StopToken& stop, Result& result)
{
	result = Result();
	kube::ListOptions options = _options;
	const std::function<void(T)> store = [&result](T object)
	{
		std::string key = ObjectTraits<T>::key(object);
		result.objects[std::move(key)] = std::make_shared<const T>(std::move(object));
	};
	for (;;)
	{
		if (stop.stopRequested()) return false;
		kube::ListMeta meta;
		try
		{
			_client.list(_type, _namespace, options, [&](std::istream& body) { meta = kube::readList<T>(body, store); });
		}
		catch (kube::GoneException& e)
		{
			if (options.continueToken.empty()) throw;
			++result.restarts;
			// A list slower than the server keeps its snapshots would expire
			// again and again; a single unpaged response cannot.
			if (result.restarts > 1) options.limit = 0;
			_logger.warning("Listing %s: continue token expired after %?u page(s) (%s); listing again from the start%s",
				_type.qualifiedName(), result.pages, e.message(), std::string(options.limit == 0 ? " without paging" : ""));
			options.continueToken.clear();
			result.objects.clear();
			result.resourceVersion.clear();
			continue;
		}
		++result.pages;
		if (result.resourceVersion.empty()) result.resourceVersion = meta.resourceVersion;
		if (meta.continueToken.empty()) break;
		options.continueToken = meta.continueToken;
	}
	if (result.resourceVersion.empty())
		throw kube::MalformedResponseException("list of " + _type.qualifiedName() + " has no metadata.resourceVersion");
	return true;
}


template class ListPager<kube::PodInfo>;
template class ListPager<kube::NamespaceInfo>;

} } // namespace sbomop::runtime
