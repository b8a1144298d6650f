"""Offline extraction of facts from posting text: salary, skills, seniority, workplace and more."""
