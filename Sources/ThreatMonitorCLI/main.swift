print("threat-monitor")
