package cn.cztexchange.localservices.autoconfigure;

import cn.cztexchange.localservices.LocalServices;
import org.springframework.beans.factory.DisposableBean;

/**
 * This application context's share of the JVM-wide {@link LocalServices}: given back when
 * the context closes. Cached Spring test contexts each hold one, so the servers start
 * once per test run and stop when the last context closes (or the JVM exits).
 */
public final class LocalServicesLease implements DisposableBean {

	private final LocalServices localServices;

	LocalServicesLease(LocalServices localServices) {
		this.localServices = localServices;
	}

	public LocalServices localServices() {
		return localServices;
	}

	@Override
	public void destroy() {
		localServices.release();
	}

}
