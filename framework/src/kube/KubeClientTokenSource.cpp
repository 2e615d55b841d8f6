//
// KubeClientTokenSource.cpp
//

#include "sbomop/kube/KubeClientTokenSource.h"
#include "sbomop/kube/KubeException.h"
#include <Poco/FileStream.h>
#include <Poco/StreamCopier.h>
#include <Poco/String.h>

namespace sbomop {
namespace kube {

KubeClientTokenSource::KubeClientTokenSource(const std::string& staticToken, const std::string& tokenFile,
	KubeClientClock::Ptr clock, const Poco::Timespan& refreshInterval):
	_file(tokenFile),
	_clock(clock ? clock : KubeClientClock::system()),
	_refreshInterval(refreshInterval),
	_logger(Poco::Logger::get("sbomop.kube.client")),
	_token(staticToken),
	_loaded(tokenFile.empty()),
	_readAt(0)
{
}

std::string KubeClientTokenSource::readFile() const
{
	try
	{
		Poco::FileInputStream stream(_file);
		std::string content;
		Poco::StreamCopier::copyToString(stream, content);
		return Poco::trim(content);
	}
	catch (Poco::Exception& e)
	{
		throw KubeConfigException("cannot read token file " + _file + ": " + e.displayText());
	}
}

std::string KubeClientTokenSource::token()
{
	if (_file.empty()) return _token;
	std::lock_guard<std::mutex> lock(_mutex);
	const Poco::Timespan::TimeDiff now = _clock->now();
	if (_loaded && now - _readAt < _refreshInterval.totalMicroseconds()) return _token;
	try
	{
		const std::string fresh = readFile();
		if (_loaded && fresh != _token) _logger.information("Bearer token file %s changed; using the new token", _file);
		_token = fresh;
		_loaded = true;
	}
	catch (KubeConfigException& e)
	{
		if (!_loaded) throw;
		// The kubelet replaces the file atomically, so a failed read is
		// transient; the old token stays valid until it expires.
		_logger.warning("Keeping the previous bearer token: %s", e.message());
	}
	_readAt = now;
	return _token;
}

bool KubeClientTokenSource::invalidate()
{
	if (_file.empty()) return false;
	std::lock_guard<std::mutex> lock(_mutex);
	_readAt = _clock->now() - _refreshInterval.totalMicroseconds();
	return true;
}

bool KubeClientTokenSource::fromFile() const
{
	return !_file.empty();
}

const std::string& KubeClientTokenSource::file() const
{
	return _file;
}

} } // namespace sbomop::kube
